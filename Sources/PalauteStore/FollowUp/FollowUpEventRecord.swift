import Foundation
import GRDB

/// One entry of a follow-up case's history: opened, assigned, status changed, note added, closed.
public struct FollowUpEventRecord: Codable, Sendable, Hashable, Identifiable {
    public var id: Int64?
    public var caseID: Int64
    public var at: Date
    /// Who did it: a user name, or `system` / `nightly`.
    public var by: String
    /// e.g. `opened`, `assigned`, `status`, `note`, `closed`, `refreshed`.
    public var kind: String
    public var detail: String

    public init(id: Int64? = nil, caseID: Int64, at: Date, by: String, kind: String, detail: String = "") {
        self.id = id
        self.caseID = caseID
        self.at = at
        self.by = by
        self.kind = kind
        self.detail = detail
    }

    public enum CodingKeys: String, CodingKey, ColumnExpression {
        case id
        case caseID = "case_id"
        case at, by, kind, detail
    }
    public typealias Columns = CodingKeys
}

extension FollowUpEventRecord: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "followup_event"
    public static let followUpCase = belongsTo(FollowUpCaseRecord.self)
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
