import Foundation
import GRDB

/// A stored LLM answer, so the same comment with the same model and prompt is never sent twice.
public struct LLMCacheEntryRecord: Codable, Sendable, Hashable {
    /// Hash of model + prompt version + redacted text; the primary key.
    public var key: String
    public var model: String
    public var promptVersion: String
    /// SHA-256 of the redacted text that was sent.
    public var textHash: String
    public var answerJSON: String
    public var promptTokens: Int
    public var completionTokens: Int
    public var createdAt: Date

    public init(
        key: String, model: String, promptVersion: String, textHash: String, answerJSON: String,
        promptTokens: Int = 0, completionTokens: Int = 0, createdAt: Date
    ) {
        self.key = key
        self.model = model
        self.promptVersion = promptVersion
        self.textHash = textHash
        self.answerJSON = answerJSON
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.createdAt = createdAt
    }

    public enum CodingKeys: String, CodingKey, ColumnExpression {
        case key, model
        case promptVersion = "prompt_version"
        case textHash = "text_hash"
        case answerJSON = "answer_json"
        case promptTokens = "prompt_tokens"
        case completionTokens = "completion_tokens"
        case createdAt = "created_at"
    }
    public typealias Columns = CodingKeys
}

extension LLMCacheEntryRecord: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "llm_cache"
}
