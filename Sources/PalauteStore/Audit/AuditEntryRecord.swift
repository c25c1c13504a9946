import Foundation
import GRDB

/// Who did what to which record, for the privacy officer. `detail` is JSON and must not hold comment text.
public struct AuditEntryRecord: Codable, Sendable, Hashable, Identifiable {
    public var id: Int64?
    public var at: Date
    public var actor: String
    /// e.g. `ingest`, `classify`, `export`, `followup.update`.
    public var action: String
    /// The table or kind of thing acted on, e.g. `ingest_batch`, `followup_case`.
    public var entity: String
    public var entityID: String?
    /// A JSON object.
    public var detail: String

    public init(
        id: Int64? = nil, at: Date, actor: String, action: String, entity: String, entityID: String? = nil,
        detail: String = "{}"
    ) {
        self.id = id
        self.at = at
        self.actor = actor
        self.action = action
        self.entity = entity
        self.entityID = entityID
        self.detail = detail
    }

    public enum CodingKeys: String, CodingKey, ColumnExpression {
        case id, at, actor, action, entity
        case entityID = "entity_id"
        case detail
    }
    public typealias Columns = CodingKeys
}

extension AuditEntryRecord: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "audit_log"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension AuditEntryRecord {
    /// An entry whose detail is encoded from string pairs, so callers need not hand-write JSON.
    public init(actor: String, action: String, entity: String, entityID: String? = nil, details: [String: String], at: Date = Date()) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = (try? encoder.encode(details)).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
        self.init(at: at, actor: actor, action: action, entity: entity, entityID: entityID, detail: json)
    }
}
