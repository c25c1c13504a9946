import Foundation
import GRDB

/// A response queued for a human to follow up, with a machine-owned snapshot of why.
///
/// The nightly run writes this row (and may refresh the snapshot when a response is re-classified);
/// what people do with the case lives in `FollowUpStateRecord`, which classification never writes.
public struct FollowUpCaseRecord: Codable, Sendable, Hashable, Identifiable {
    public enum Priority: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
        case urgent, high, normal, low
    }

    public var id: Int64?
    public var responseID: Int64
    /// The result that opened or last refreshed the case.
    public var resultID: Int64?
    public var openedAt: Date
    public var priority: Priority
    public var dueAt: Date?
    /// Why the case was opened, e.g. `safety`, `detractor criticism`.
    public var reason: String
    public var unit: String?
    public var score: Int?
    public var nps: String?
    public var sentiment: String?
    /// JSON array of flag ids.
    public var flags: String
    /// JSON array of `{"topic": …, "label": …}`.
    public var topics: String
    public var redactedText: String
    public var updatedAt: Date

    public init(
        id: Int64? = nil, responseID: Int64, resultID: Int64? = nil, openedAt: Date, priority: Priority = .normal,
        dueAt: Date? = nil, reason: String = "", unit: String? = nil, score: Int? = nil, nps: String? = nil,
        sentiment: String? = nil, flags: String = "[]", topics: String = "[]", redactedText: String = "",
        updatedAt: Date
    ) {
        self.id = id
        self.responseID = responseID
        self.resultID = resultID
        self.openedAt = openedAt
        self.priority = priority
        self.dueAt = dueAt
        self.reason = reason
        self.unit = unit
        self.score = score
        self.nps = nps
        self.sentiment = sentiment
        self.flags = flags
        self.topics = topics
        self.redactedText = redactedText
        self.updatedAt = updatedAt
    }

    public enum CodingKeys: String, CodingKey, ColumnExpression {
        case id
        case responseID = "response_id"
        case resultID = "result_id"
        case openedAt = "opened_at"
        case priority
        case dueAt = "due_at"
        case reason, unit, score, nps, sentiment, flags, topics
        case redactedText = "redacted_text"
        case updatedAt = "updated_at"
    }
    public typealias Columns = CodingKeys
}

extension FollowUpCaseRecord: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "followup_case"

    public static let response = belongsTo(ResponseRecord.self)
    public static let result = belongsTo(ResultRecord.self)
    public static let state = hasOne(FollowUpStateRecord.self)
    public static let events = hasMany(FollowUpEventRecord.self)

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
