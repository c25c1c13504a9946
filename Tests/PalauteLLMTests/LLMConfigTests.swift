import Foundation
import Testing

@testable import PalauteLLM

@Suite struct LLMConfigTests {
    private func decode(_ json: String) throws -> LLMConfig {
        try JSONDecoder().decode(LLMConfig.self, from: Data(json.utf8))
    }

    @Test func exampleConfigLoadsAndRoundTrips() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../models/llm/config.example.json").standardizedFileURL
        let config = try LLMConfig.load(from: url)
        #expect(config.dialect == .jsonObjectSchema)
        #expect(config.endpoint.absoluteString == "http://127.0.0.1:18080/v1")
        let again = try JSONDecoder().decode(LLMConfig.self, from: JSONEncoder().encode(config))
        #expect(again == config)
        let azure = try LLMConfig.load(
            from: url.deletingLastPathComponent().appendingPathComponent("config.azure.example.json"))
        #expect(azure.dialect == .azure)
        #expect(azure.azureDeployment == "palaute-gpt-4o-mini")
    }

    @Test func defaultsFillOptionalFields() throws {
        let c = try decode(#"{"endpoint":"http://localhost:8000/v1","model":"m","dialect":"plain_json"}"#)
        #expect(c.maxConcurrency == 2)
        #expect(c.confidenceThreshold == 0.5)
        #expect(c.apiKeyEnv == nil)
    }

    @Test func errorsNameTheField() {
        let cases: [(String, String)] = [
            (#"{"endpoint":"ftp://x","model":"m","dialect":"json_schema"}"#, "endpoint"),
            (#"{"endpoint":"http://x/v1","model":"m","dialect":"xml"}"#, "dialect"),
            (#"{"endpoint":"http://x/v1","model":"","dialect":"json_schema"}"#, "model"),
            (#"{"endpoint":"http://x/v1","model":"m","dialect":"json_schema","max_concurrency":0}"#, "max_concurrency"),
            (#"{"endpoint":"http://x/v1","model":"m","dialect":"json_schema","timeout_seconds":"slow"}"#, "timeout_seconds"),
            (#"{"endpoint":"https://x","model":"m","dialect":"azure","api_key_env":"K","azure_api_version":"2024-10-21"}"#, "azure_deployment"),
            (#"{"endpoint":"http://x/v1","model":"m","dialect":"json_schema","api_key_env":"sk-abc 123"}"#, "api_key_env"),
        ]
        for (json, field) in cases {
            #expect {
                try decode(json)
            } throws: { error in
                (error as? LLMConfigError)?.field == field && "\(error)".contains("\"\(field)\"")
            }
        }
    }

    @Test func theKeyIsNeverInConfigNorErrors() async throws {
        let secret = "sk-SECRET-0123456789"
        let config = Fixtures.config(URL(string: "http://127.0.0.1:9/v1")!, dialect: .jsonSchema)
        var withEnv = config
        withEnv.apiKeyEnv = "PALAUTE_TEST_KEY"
        let encoded = String(decoding: try JSONEncoder().encode(withEnv), as: UTF8.self)
        #expect(!encoded.contains(secret))
        #expect(encoded.contains("PALAUTE_TEST_KEY"))
        // The key is read only when sending; the prepared (dry-run) request shows the variable's name.
        let client = OpenAICompatibleClient(config: withEnv, environment: { ["PALAUTE_TEST_KEY": secret] })
        let request = ChatRequest(system: "s", user: "u", schema: .object([:]), maxTokens: 5, temperature: 0)
        let prepared = try client.prepare(request)
        #expect(prepared.headers["Authorization"] == "Bearer $PALAUTE_TEST_KEY")
        #expect(!"\(prepared)".contains(secret))
        // A failure (nothing listens on port 9) says nothing of the key.
        do {
            _ = try await client.complete(request)
            Issue.record("expected a connection failure")
        } catch {
            #expect(!"\(error)".contains(secret))
            #expect(!String(reflecting: error).contains(secret))
        }
        // A missing variable is named, and it is the name, not a value.
        let unset = OpenAICompatibleClient(config: withEnv, environment: { [:] })
        await #expect(throws: ChatError.self) { try await unset.complete(request) }
    }
}

@Suite struct LLMAssistLoadTests {
    @Test func offLoadsNothingAndOnNeedsAConfig() throws {
        #expect(try LLMAssist.load(policy: .off, configFile: "/nonexistent.json", cache: InMemoryAnswerCache()) == nil)
        #expect(throws: LLMConfigError.self) {
            try LLMAssist.load(policy: .uncertain, configFile: nil, cache: InMemoryAnswerCache())
        }
        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../models/llm/config.example.json").standardizedFileURL.path
        let assist = try #require(try LLMAssist.load(policy: .uncertain, configFile: example, cache: InMemoryAnswerCache()))
        #expect(assist.prompt.version == Fixtures.prompt.version)
        #expect(assist.config.dialect == .jsonObjectSchema)
    }
}
