import Foundation
import GRDB

/// One nightly pipeline run: what it ingested, classified and queued, and how it ended.
public struct NightlyRunRecord: Codable, Sendable, Hashable, Identifiable {
    public enum Status: String, Codable, Sendable, DatabaseValueConvertible { case running, succeeded, partial, failed }

    public var id: Int64?
    public var startedAt: Date
    public var finishedAt: Date?
    public var status: Status
    public var ingested: Int
    public var rejected: Int
    public var classified: Int
    public var newFollowups: Int
    /// JSON array of the input file paths.
    public var files: String
    public var message: String?

    public init(
        id: Int64? = nil, startedAt: Date, finishedAt: Date? = nil, status: Status = .running, ingested: Int = 0,
        rejected: Int = 0, classified: Int = 0, newFollowups: Int = 0, files: String = "[]", message: String? = nil
    ) {
        self.id = id
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.status = status
        self.ingested = ingested
        self.rejected = rejected
        self.classified = classified
        self.newFollowups = newFollowups
        self.files = files
        self.message = message
    }

    public enum CodingKeys: String, CodingKey, ColumnExpression {
        case id
        case startedAt = "started_at"
        case finishedAt = "finished_at"
        case status, ingested, rejected, classified
        case newFollowups = "new_followups"
        case files, message
    }
    public typealias Columns = CodingKeys
}

extension NightlyRunRecord: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "nightly_run"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
