import Foundation
import GRDB
import PalauteLLM

/// The `llm_cache` table as the LLM step's cache, so a nightly re-run never pays twice for the same redacted
/// comment with the same model and prompt. Each store is its own small transaction: the cache is an optimisation,
/// not part of the state a run must converge to.
public struct DatabaseAnswerCache: LLMAnswerCache {
    public let database: PalauteDatabase

    public init(database: PalauteDatabase) { self.database = database }

    public func answer(forKey key: String) async throws -> CachedAnswer? {
        try await database.pool.read { db in
            try LLMCacheEntryRecord.fetchOne(db, key: key).map {
                CachedAnswer(key: $0.key, model: $0.model, promptVersion: $0.promptVersion, textHash: $0.textHash,
                             answerJSON: $0.answerJSON, promptTokens: $0.promptTokens,
                             completionTokens: $0.completionTokens, createdAt: $0.createdAt)
            }
        }
    }

    public func store(_ a: CachedAnswer) async throws {
        try await database.pool.write { db in
            try LLMCacheEntryRecord(key: a.key, model: a.model, promptVersion: a.promptVersion, textHash: a.textHash,
                                    answerJSON: a.answerJSON, promptTokens: a.promptTokens,
                                    completionTokens: a.completionTokens, createdAt: a.createdAt).save(db)
        }
    }
}
