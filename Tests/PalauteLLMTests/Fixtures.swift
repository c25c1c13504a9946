import Foundation
import PalauteClassify
import PalauteLLM
import PalauteText

enum Fixtures {
    static let prompt: PromptTemplate = try! PromptTemplate.load(version: 1)

    static func config(_ url: URL, dialect: LLMDialect = .jsonObjectSchema, timeout: Double = 0.4, retries: Int = 2)
        -> LLMConfig
    {
        LLMConfig(
            endpoint: url, model: "test-model", dialect: dialect, timeoutSeconds: timeout, maxConcurrency: 2,
            maxRetries: retries, maxRequestsPerRun: 100, maxTokensPerRun: 1_000_000, maxTokensPerAnswer: 100,
            backoffBaseSeconds: 0.01, backoffMaxSeconds: 2)
    }

    static func lexicon(
        topics: [TopicLabel] = [], flags: [Flag] = [], confidence: Double = 0.3, lang: Language = .fi,
        evidence: [Evidence] = []
    ) -> Classification {
        Classification(
            lang: lang, sentiment: Sentiment(labels: topics), topics: topics, flags: flags, followUp: false,
            nps: nil, confidence: confidence, mismatch: false, evidence: evidence, lexiconVersion: "test")
    }

    static func item(_ id: String, _ text: String, score: Int? = 5, classification: Classification = lexicon())
        -> LLMItem
    {
        LLMItem(id: id, redactedText: text, language: .fi, score: score, classification: classification)
    }

    static let validAnswer = #"{"topics":[{"topic":"waiting","label":"criticism"}],"sentiment":"negative","flags":[]}"#
}

/// A client that never talks to a network: counts calls and answers from a list.
final class CountingClient: ChatClient, @unchecked Sendable {
    private let lock = NSLock()
    private var answers: [String]
    private(set) var calls: [ChatRequest] = []

    init(answers: [String]) { self.answers = answers }

    var callCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return calls.count
    }

    func complete(_ request: ChatRequest) async throws -> ChatResponse {
        ChatResponse(content: record(request), promptTokens: 50, completionTokens: 10)
    }

    private func record(_ request: ChatRequest) -> String {
        lock.lock()
        defer { lock.unlock() }
        calls.append(request)
        return answers.isEmpty ? Fixtures.validAnswer : answers.removeFirst()
    }

    func prepare(_ request: ChatRequest) throws -> PreparedRequest {
        try OpenAICompatibleClient(config: Fixtures.config(URL(string: "http://127.0.0.1:9/v1")!)).prepare(request)
    }
}
