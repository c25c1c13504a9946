import Foundation
import GRDB

/// The comment-level outcome of classifying one response with one lexicon and model version.
///
/// History is kept: when a response is classified again, the older result gets `isCurrent = false`.
/// At most one result per response is current (a partial unique index enforces it).
public struct ResultRecord: Codable, Sendable, Hashable, Identifiable {
    public var id: Int64?
    public var responseID: Int64
    public var runID: Int64?
    public var lexiconVersion: String
    /// The LLM model name, or `none`.
    public var modelVersion: String
    /// The response's content hash at the time it was classified.
    public var contentHash: String
    /// `fi`, `sv` or `en`.
    public var lang: String
    /// `positive`, `negative`, `neutral` or `mixed`.
    public var sentiment: String
    /// `promoter`, `passive`, `detractor`, or nil without a score.
    public var nps: String?
    public var confidence: Double
    public var mismatch: Bool
    public var followUp: Bool
    public var isCurrent: Bool
    /// The comment with identity codes, phone numbers and names replaced: the only text exports may show.
    public var redactedText: String
    public var createdAt: Date

    public init(
        id: Int64? = nil, responseID: Int64, runID: Int64? = nil, lexiconVersion: String,
        modelVersion: String = "none", contentHash: String, lang: String, sentiment: String, nps: String? = nil,
        confidence: Double, mismatch: Bool = false, followUp: Bool = false, isCurrent: Bool = true,
        redactedText: String, createdAt: Date
    ) {
        self.id = id
        self.responseID = responseID
        self.runID = runID
        self.lexiconVersion = lexiconVersion
        self.modelVersion = modelVersion
        self.contentHash = contentHash
        self.lang = lang
        self.sentiment = sentiment
        self.nps = nps
        self.confidence = confidence
        self.mismatch = mismatch
        self.followUp = followUp
        self.isCurrent = isCurrent
        self.redactedText = redactedText
        self.createdAt = createdAt
    }

    public enum CodingKeys: String, CodingKey, ColumnExpression {
        case id
        case responseID = "response_id"
        case runID = "run_id"
        case lexiconVersion = "lexicon_version"
        case modelVersion = "model_version"
        case contentHash = "content_hash"
        case lang, sentiment, nps, confidence, mismatch
        case followUp = "follow_up"
        case isCurrent = "is_current"
        case redactedText = "redacted_text"
        case createdAt = "created_at"
    }
    public typealias Columns = CodingKeys
}

extension ResultRecord: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "result"

    public static let response = belongsTo(ResponseRecord.self)
    public static let run = belongsTo(ClassificationRunRecord.self)
    public static let mentions = hasMany(TopicMentionRecord.self)
    public static let flags = hasMany(ResultFlagRecord.self)
    public static let evidence = hasMany(EvidenceRecord.self)

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
