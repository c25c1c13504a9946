import Foundation
import Testing

@testable import PalauteLLM

/// The client against a scripted loopback server: each failure mode a provider shows in practice.
@Suite struct OpenAICompatibleClientTests {
    let request = ChatRequest(
        system: Fixtures.prompt.systemMessage(),
        user: Fixtures.prompt.userMessage(redactedText: "Odotin tunnin.", language: .fi),
        schema: Fixtures.prompt.schema, maxTokens: 100, temperature: 0)

    @Test func parsesContentAndUsage() async throws {
        let server = try ScriptedServer { _, _ in .chat(Fixtures.validAnswer, promptTokens: 321, completionTokens: 17) }
        defer { server.stop() }
        let response = try await OpenAICompatibleClient(config: Fixtures.config(server.baseURL)).complete(request)
        #expect(response.content == Fixtures.validAnswer)
        #expect(response.promptTokens == 321)
        #expect(response.completionTokens == 17)
        #expect(response.attempts == 1)
        #expect(server.requests.first?.method == "POST")
        #expect(server.requests.first?.target == "/v1/chat/completions")
    }

    @Test func slowAnswerTimesOutAndIsRetriedThenGivesUp() async throws {
        // The server would answer after 300 s; the bound below is far under that, and loose enough for a
        // loaded machine where the whole suite runs in parallel beside other builds (15 s was seen).
        let server = try ScriptedServer { _, _ in .chat(Fixtures.validAnswer, delay: 300) }
        defer { server.stop() }
        let client = OpenAICompatibleClient(config: Fixtures.config(server.baseURL, timeout: 0.25, retries: 1))
        let start = Date()
        await #expect(throws: ChatError.timedOut(seconds: 0.25)) { try await client.complete(request) }
        let elapsed = Date().timeIntervalSince(start)
        #expect(elapsed < 60, "the client must not wait for the slow server (\(elapsed) s)")
        #expect(server.requests.count == 2)
    }

    @Test func honoursRetryAfterOn429() async throws {
        let server = try ScriptedServer { index, _ in
            index == 0
                ? .respond(status: 429, headers: ["Retry-After": "1"], body: #"{"error":"rate limited"}"#)
                : .chat(Fixtures.validAnswer)
        }
        defer { server.stop() }
        let client = OpenAICompatibleClient(config: Fixtures.config(server.baseURL))
        let start = Date()
        let response = try await client.complete(request)
        let waited = Date().timeIntervalSince(start)
        #expect(response.attempts == 2)
        #expect(waited >= 0.95, "Retry-After: 1 must be honoured, waited \(waited) s")
        #expect(waited < 25, "a 1 s Retry-After must not turn into the 30 s maximum back-off")
    }

    @Test func retries500ThenSucceeds() async throws {
        let server = try ScriptedServer { index, _ in
            index < 2 ? .respond(status: index == 0 ? 500 : 503, body: "oops") : .chat(Fixtures.validAnswer)
        }
        defer { server.stop() }
        let response = try await OpenAICompatibleClient(config: Fixtures.config(server.baseURL)).complete(request)
        #expect(response.attempts == 3)
        #expect(server.requests.count == 3)
    }

    @Test func boundedRetriesOnPersistent500() async throws {
        let server = try ScriptedServer { _, _ in .respond(status: 500, body: "down") }
        defer { server.stop() }
        let client = OpenAICompatibleClient(config: Fixtures.config(server.baseURL, retries: 2))
        await #expect(throws: ChatError.http(status: 500)) { try await client.complete(request) }
        #expect(server.requests.count == 3)
    }

    @Test func clientErrorsAreNotRetried() async throws {
        let server = try ScriptedServer { _, _ in .respond(status: 400, body: #"{"error":"bad request"}"#) }
        defer { server.stop() }
        let client = OpenAICompatibleClient(config: Fixtures.config(server.baseURL))
        await #expect(throws: ChatError.http(status: 400)) { try await client.complete(request) }
        #expect(server.requests.count == 1)
    }

    @Test func truncatedTransferIsAFailureNotAnAnswer() async throws {
        let server = try ScriptedServer { _, _ in .truncate(body: #"{"choices":[{"message":{"content":"{\"top"#) }
        defer { server.stop() }
        let client = OpenAICompatibleClient(config: Fixtures.config(server.baseURL, retries: 0))
        await #expect(throws: ChatError.self) { try await client.complete(request) }
    }

    @Test func connectionRefused() async throws {
        let port = ScriptedServer.closedPort()
        let client = OpenAICompatibleClient(
            config: Fixtures.config(URL(string: "http://127.0.0.1:\(port)/v1")!, retries: 1))
        let start = Date()
        await #expect(throws: ChatError.connectionFailed("connection refused")) { try await client.complete(request) }
        #expect(Date().timeIntervalSince(start) < 60, "a refused connection fails fast, it is not waited on")
    }

    @Test func cancellationStopsAWaitingRequest() async throws {
        let server = try ScriptedServer { _, _ in .chat(Fixtures.validAnswer, delay: 4) }
        defer { server.stop() }
        let client = OpenAICompatibleClient(config: Fixtures.config(server.baseURL, timeout: 5))
        let req = request
        let task = Task { try await client.complete(req) }
        try await Task.sleep(nanoseconds: 200_000_000)
        let start = Date()
        task.cancel()
        let result = await task.result
        #expect(throws: CancellationError.self) { try result.get() }
        #expect(Date().timeIntervalSince(start) < 60, "a refused connection fails fast, it is not waited on")
    }

    @Test(arguments: LLMDialect.allCases)
    func requestShapePerDialect(dialect: LLMDialect) async throws {
        let server = try ScriptedServer { _, _ in .chat(Fixtures.validAnswer) }
        defer { server.stop() }
        var config = Fixtures.config(server.baseURL, dialect: dialect)
        config.apiKeyEnv = "PALAUTE_TEST_KEY"
        if dialect == .azure {
            config.endpoint = URL(string: "http://127.0.0.1:\(server.port)")!
            config.azureDeployment = "palaute-dep"
            config.azureAPIVersion = "2024-10-21"
        }
        let client = OpenAICompatibleClient(config: config, environment: { ["PALAUTE_TEST_KEY": "k-123"] })
        _ = try await client.complete(request)
        let got = try #require(server.requests.first)
        let body = try #require(got.json)
        let format = body["response_format"] as? [String: Any]
        let messages = try #require(body["messages"] as? [[String: Any]])
        #expect(messages.map { $0["role"] as? String } == ["system", "user"])
        #expect(body["max_tokens"] as? Int == 100)
        switch dialect {
        case .jsonSchema, .azure:
            #expect(format?["type"] as? String == "json_schema")
            let js = format?["json_schema"] as? [String: Any]
            #expect(js?["name"] as? String == "palaute_answer")
            #expect((js?["schema"] as? [String: Any])?["required"] as? [String] == ["topics", "sentiment", "flags"])
        case .jsonObjectSchema:
            #expect(format?["type"] as? String == "json_object")
            #expect((format?["schema"] as? [String: Any])?["type"] as? String == "object")
        case .plainJSON:
            #expect(format == nil)
            #expect((messages[0]["content"] as? String)?.contains(#""enum":["positive","negative","neutral","mixed"]"#) == true)
        }
        if dialect == .azure {
            #expect(got.target == "/openai/deployments/palaute-dep/chat/completions?api-version=2024-10-21")
            #expect(got.header("api-key") == "k-123")
            #expect(got.header("Authorization") == nil)
            #expect(body["model"] == nil)
        } else {
            #expect(got.target == "/v1/chat/completions")
            #expect(got.header("Authorization") == "Bearer k-123")
            #expect(got.header("api-key") == nil)
            #expect(body["model"] as? String == "test-model")
        }
    }

    @Test func retryAfterParsing() {
        #expect(RetryPolicy.retryAfter("7") == 7)
        #expect(RetryPolicy.retryAfter(" 0 ") == 0)
        #expect(RetryPolicy.retryAfter("soon") == nil)
        let now = Date(timeIntervalSince1970: 1_700_000_000)  // Tue, 14 Nov 2023 22:13:20 GMT
        #expect(RetryPolicy.retryAfter("Tue, 14 Nov 2023 22:13:50 GMT", now: now) == 30)
        #expect(RetryPolicy.delay(attempt: 1, retryAfter: 120, base: 0.5, max: 30) == 30)
        for attempt in 1...5 {
            let d = RetryPolicy.delay(attempt: attempt, retryAfter: nil, base: 0.5, max: 30)
            let full = 0.5 * Double(1 << (attempt - 1))
            #expect(d >= full / 2 && d <= full)
        }
    }
}
