import Foundation
import Logging
import PalauteClassify
import Testing

@testable import PalauteLLM

/// Collects every log line, so a test can check what the LLM step would write to a log.
final class LogCapture: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    func append(_ line: String) {
        lock.lock()
        lines.append(line)
        lock.unlock()
    }

    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return lines
    }

    func logger() -> Logger {
        var logger = Logger(label: "test.llm") { _ in CapturingHandler(capture: self) }
        logger.logLevel = .trace
        return logger
    }
}

struct CapturingHandler: LogHandler {
    let capture: LogCapture
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let all = metadata.merging(event.metadata ?? [:]) { $1 }
        capture.append("\(event.level) \(event.message) \(all.map { "\($0)=\($1)" }.sorted().joined(separator: " "))")
    }
}

@Suite struct LoggingPrivacyTests {
    @Test func logsCarryNeitherCommentNorKey() async throws {
        let secret = "sk-LOGTEST-987654"
        let comment = "Hoitaja [NIMI] oli epäkohtelias ja odotin kaksi tuntia."
        let server = try ScriptedServer { index, _ in
            switch index {
            case 0: .respond(status: 503, headers: ["Retry-After": "0"], body: "busy")
            case 1: .chat(#"{"topics":[{"topic":"nurse","label":"criticism"}],"sentiment":"negative","flags":[]}"#)
            default: .chat("not json at all")
            }
        }
        defer { server.stop() }
        var config = Fixtures.config(server.baseURL, dialect: .jsonSchema)
        config.apiKeyEnv = "PALAUTE_TEST_KEY"
        let capture = LogCapture()
        let client = OpenAICompatibleClient(
            config: config, environment: { ["PALAUTE_TEST_KEY": secret] }, logger: capture.logger())
        let assist = LLMAssist(
            policy: .all, config: config, prompt: Fixtures.prompt, client: client, cache: InMemoryAnswerCache(),
            logger: capture.logger())
        let result = try await assist.run([Fixtures.item("r1", comment)])
        #expect(result.report.invalid == 1)
        let lines = capture.all
        #expect(lines.count >= 3, "retry, two rejections: \(lines)")
        #expect(lines.contains { $0.contains("HTTP 503") })
        #expect(lines.contains { $0.contains("unknown topic id \"nurse\"") })
        for line in lines {
            #expect(!line.contains(secret))
            #expect(!line.contains("epäkohtelias"))
            #expect(!line.contains("odotin"))
        }
        #expect(!result.report.summary.contains(secret))
    }
}
