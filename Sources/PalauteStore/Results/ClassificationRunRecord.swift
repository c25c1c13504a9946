import Foundation
import GRDB

/// One pass of the classifier over pending responses, with the versions that produced its results.
public struct ClassificationRunRecord: Codable, Sendable, Hashable, Identifiable {
    public enum Status: String, Codable, Sendable, DatabaseValueConvertible { case running, completed, failed }

    public var id: Int64?
    public var startedAt: Date
    public var finishedAt: Date?
    public var lexiconVersion: String
    /// The LLM model name, or `none` when the lexicon alone classified.
    public var modelVersion: String
    /// `off`, `uncertain` or `all`: which responses the LLM saw.
    public var llmMode: String
    public var responsesClassified: Int
    public var llmRequests: Int
    public var llmCacheHits: Int
    public var errors: Int
    public var status: Status
    public var message: String?

    public init(
        id: Int64? = nil, startedAt: Date, finishedAt: Date? = nil, lexiconVersion: String,
        modelVersion: String = "none", llmMode: String = "off", responsesClassified: Int = 0, llmRequests: Int = 0,
        llmCacheHits: Int = 0, errors: Int = 0, status: Status = .running, message: String? = nil
    ) {
        self.id = id
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.lexiconVersion = lexiconVersion
        self.modelVersion = modelVersion
        self.llmMode = llmMode
        self.responsesClassified = responsesClassified
        self.llmRequests = llmRequests
        self.llmCacheHits = llmCacheHits
        self.errors = errors
        self.status = status
        self.message = message
    }

    public enum CodingKeys: String, CodingKey, ColumnExpression {
        case id
        case startedAt = "started_at"
        case finishedAt = "finished_at"
        case lexiconVersion = "lexicon_version"
        case modelVersion = "model_version"
        case llmMode = "llm_mode"
        case responsesClassified = "responses_classified"
        case llmRequests = "llm_requests"
        case llmCacheHits = "llm_cache_hits"
        case errors, status, message
    }
    public typealias Columns = CodingKeys
}

extension ClassificationRunRecord: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "classification_run"
    public static let results = hasMany(ResultRecord.self)
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
