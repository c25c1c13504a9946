import GRDB
import PalauteLLM

/// The LLM answer cache on the `llm_cache` table, so a nightly re-run pays nothing for unchanged comments.
public struct DatabaseAnswerCache: LLMAnswerCache {
    private let database: PalauteDatabase

    public init(database: PalauteDatabase) {
        self.database = database
    }

    public func answer(forKey key: String) async throws -> CachedAnswer? {
        try await database.pool.read { db in
            try LLMCacheEntryRecord.fetchOne(db, key: key).map(CachedAnswer.init(record:))
        }
    }

    public func store(_ answer: CachedAnswer) async throws {
        try await database.pool.write { db in
            try LLMCacheEntryRecord(answer: answer).upsert(db)
        }
    }
}

extension CachedAnswer {
    init(record r: LLMCacheEntryRecord) {
        self.init(
            key: r.key, model: r.model, promptVersion: r.promptVersion, textHash: r.textHash,
            answerJSON: r.answerJSON, promptTokens: r.promptTokens, completionTokens: r.completionTokens,
            createdAt: r.createdAt)
    }
}

extension LLMCacheEntryRecord {
    init(answer a: CachedAnswer) {
        self.init(
            key: a.key, model: a.model, promptVersion: a.promptVersion, textHash: a.textHash,
            answerJSON: a.answerJSON, promptTokens: a.promptTokens, completionTokens: a.completionTokens,
            createdAt: a.createdAt)
    }
}
