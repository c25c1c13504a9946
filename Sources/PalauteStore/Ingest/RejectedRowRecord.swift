import Foundation
import GRDB

/// A row of an export that did not land, kept so the quality team can fix the export and ingest it again.
/// The reason names the field and the problem, never the comment text.
public struct RejectedRowRecord: Codable, Sendable, Hashable, Identifiable {
    public var id: Int64?
    public var ingestBatchID: Int64
    /// 1-based line of the file where the row starts.
    public var line: Int
    public var field: String?
    public var reason: String

    public init(id: Int64? = nil, ingestBatchID: Int64, line: Int, field: String?, reason: String) {
        self.id = id
        self.ingestBatchID = ingestBatchID
        self.line = line
        self.field = field
        self.reason = reason
    }

    public enum CodingKeys: String, CodingKey, ColumnExpression {
        case id
        case ingestBatchID = "ingest_batch_id"
        case line, field, reason
    }
    public typealias Columns = CodingKeys
}

extension RejectedRowRecord: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "rejected_row"
    public static let ingestBatch = belongsTo(IngestBatchRecord.self)
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
