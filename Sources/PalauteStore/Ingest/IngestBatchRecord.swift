import Foundation
import GRDB

/// One file ingested once: its checksum (to skip the same export next night) and what happened to its rows.
public struct IngestBatchRecord: Codable, Sendable, Hashable, Identifiable {
    public var id: Int64?
    public var source: String
    public var fileName: String
    public var filePath: String
    /// SHA-256 (hex) of the file's bytes.
    public var checksum: String
    /// `csv` or `jsonl`.
    public var format: String
    /// The detected text encoding, e.g. `utf-8`, `utf-8-bom`, `windows-1252`.
    public var encoding: String
    public var startedAt: Date
    public var finishedAt: Date?
    public var rowsRead: Int
    public var rowsInserted: Int
    public var rowsUpdated: Int
    public var rowsUnchanged: Int
    public var rowsRejected: Int

    public init(
        id: Int64? = nil, source: String, fileName: String, filePath: String, checksum: String, format: String,
        encoding: String, startedAt: Date, finishedAt: Date? = nil, rowsRead: Int = 0, rowsInserted: Int = 0,
        rowsUpdated: Int = 0, rowsUnchanged: Int = 0, rowsRejected: Int = 0
    ) {
        self.id = id
        self.source = source
        self.fileName = fileName
        self.filePath = filePath
        self.checksum = checksum
        self.format = format
        self.encoding = encoding
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.rowsRead = rowsRead
        self.rowsInserted = rowsInserted
        self.rowsUpdated = rowsUpdated
        self.rowsUnchanged = rowsUnchanged
        self.rowsRejected = rowsRejected
    }

    public enum CodingKeys: String, CodingKey, ColumnExpression {
        case id, source
        case fileName = "file_name"
        case filePath = "file_path"
        case checksum, format, encoding
        case startedAt = "started_at"
        case finishedAt = "finished_at"
        case rowsRead = "rows_read"
        case rowsInserted = "rows_inserted"
        case rowsUpdated = "rows_updated"
        case rowsUnchanged = "rows_unchanged"
        case rowsRejected = "rows_rejected"
    }
    public typealias Columns = CodingKeys
}

extension IngestBatchRecord: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "ingest_batch"

    public static let responses = hasMany(ResponseRecord.self)
    public static let rejectedRows = hasMany(RejectedRowRecord.self)

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
