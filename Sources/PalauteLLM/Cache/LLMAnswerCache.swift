import Foundation
import PalauteIngest
import PalauteText

/// A validated answer as it is cached: what the `llm_cache` table holds.
public struct CachedAnswer: Codable, Sendable, Hashable {
    /// SHA-256 hex of model + U+001F + prompt version + U+001F + redacted text.
    public var key: String
    public var model: String
    public var promptVersion: String
    /// SHA-256 hex of the redacted text alone.
    public var textHash: String
    /// `LLMAnswer.canonicalJSON`.
    public var answerJSON: String
    public var promptTokens: Int
    public var completionTokens: Int
    public var createdAt: Date

    public init(
        key: String, model: String, promptVersion: String, textHash: String, answerJSON: String, promptTokens: Int,
        completionTokens: Int, createdAt: Date
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
}

/// Where validated answers are kept, so a nightly re-run pays nothing for unchanged comments.
/// Only validated answers are stored; a rejected answer is never cached.
public protocol LLMAnswerCache: Sendable {
    func answer(forKey key: String) async throws -> CachedAnswer?
    func store(_ answer: CachedAnswer) async throws
}

/// The cache key and text hash: the key names model and prompt version, so a new model or prompt
/// never reuses another's answers.
public enum LLMCacheKey {
    public static func key(model: String, promptVersion: String, redactedText: String) -> String {
        SHA256.hex(model + "\u{1F}" + promptVersion + "\u{1F}" + redactedText)
    }

    public static func textHash(_ redactedText: String) -> String { SHA256.hex(redactedText) }
}

/// A process-local cache for tests and one-off runs; the database-backed one lives in PalauteStore.
public actor InMemoryAnswerCache: LLMAnswerCache {
    private var entries: [String: CachedAnswer] = [:]
    public private(set) var reads = 0

    public init(_ entries: [CachedAnswer] = []) {
        for e in entries { self.entries[e.key] = e }
    }

    public func answer(forKey key: String) async throws -> CachedAnswer? {
        reads += 1
        return entries[key]
    }

    public func store(_ answer: CachedAnswer) async throws { entries[answer.key] = answer }

    public var count: Int { entries.count }
    public var all: [CachedAnswer] { Array(entries.values) }
}
