import Foundation
import PalauteLLM
import Testing

@testable import PalauteStore

@Suite struct DatabaseAnswerCacheTests {
    @Test func storedAnswerSurvivesReopening() async throws {
        let dir = try TemporaryDirectory()
        let answer = CachedAnswer(
            key: "k1", model: "m", promptVersion: "v1-abc", textHash: "h", answerJSON: #"{"topics":[]}"#,
            promptTokens: 120, completionTokens: 7, createdAt: Date(timeIntervalSince1970: 1_800_000_000))
        do {
            let cache = DatabaseAnswerCache(database: try PalauteDatabase(path: dir.path("c.sqlite")))
            #expect(try await cache.answer(forKey: "k1") == nil)
            try await cache.store(answer)
        }
        let reopened = DatabaseAnswerCache(database: try PalauteDatabase(path: dir.path("c.sqlite")))
        #expect(try await reopened.answer(forKey: "k1") == answer)
    }

    @Test func storingTheSameKeyTwiceReplaces() async throws {
        let dir = try TemporaryDirectory()
        let cache = DatabaseAnswerCache(database: try PalauteDatabase(path: dir.path("c.sqlite")))
        var answer = CachedAnswer(
            key: "k", model: "m", promptVersion: "v", textHash: "h", answerJSON: "{}",
            promptTokens: 1, completionTokens: 1, createdAt: Date(timeIntervalSince1970: 0))
        try await cache.store(answer)
        answer.answerJSON = #"{"flags":["safety"]}"#
        try await cache.store(answer)
        #expect(try await cache.answer(forKey: "k")?.answerJSON == #"{"flags":["safety"]}"#)
    }
}
