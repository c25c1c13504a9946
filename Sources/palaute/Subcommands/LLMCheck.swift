import ArgumentParser
import Foundation
import PalauteClassify
import PalauteLLM
import PalauteText

/// Talks to the configured LLM server for a JSONL file and shows every validated answer with its
/// provenance: the protocol check of `make llm-smoke`, and `--dry-run` shows what would leave the machine.
struct LLMCheck: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "llm-check",
        abstract: "Ask the configured LLM about responses in a JSONL file and print validated answers with provenance."
    )

    @Argument(help: "JSONL file: one object a line with id, text, optional score, lang and classification.")
    var file: String

    @Option(name: .customLong("llm-config"), help: "The LLM config file (see models/llm/config.example.json).")
    var llmConfig: String

    @Option(help: "Which responses to send: all or uncertain (judged on the row's classification).")
    var policy: String = "all"

    @Option(help: "The models/ folder (default: found like lexicons/).")
    var models: String?

    @Option(help: "Read at most this many rows.")
    var limit: Int?

    @ArgumentParser.Flag(
        name: .customLong("dry-run"), help: "Print the exact request bodies that would be sent; send nothing.")
    var dryRun = false

    @ArgumentParser.Flag(help: "Exit with status 1 unless every selected response got a validated answer.")
    var strict = false

    struct Row: Decodable {
        var id: String
        var text: String?
        var score: Int?
        var lang: Language?
        /// A classification from `palaute classify`, when available; otherwise the lexicon-less baseline.
        var classification: Classification?
    }

    func run() async throws {
        guard let policy = LLMPolicy(rawValue: policy), policy != .off else {
            throw ValidationError("--policy must be all or uncertain")
        }
        let config = try LLMConfig.load(from: URL(fileURLWithPath: llmConfig))
        let prompt = try PromptTemplate.load(version: 1, models: models)
        let analyzer = try TextAnalyzer()
        var items: [LLMItem] = []
        let content = try String(contentsOfFile: file, encoding: .utf8)
        for (n, line) in content.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
            if let limit, items.count >= limit { break }
            let row: Row
            do {
                row = try JSONDecoder().decode(Row.self, from: Data(line.utf8))
            } catch {
                throw ValidationError("\(file):\(n + 1): not a response object (\(error))")
            }
            let analyzed = analyzer.analyze(row.text ?? "")
            let lang = row.lang ?? analyzed.language
            let baseline = row.classification ?? Self.baseline(lang: lang, score: row.score)
            items.append(
                LLMItem(
                    id: row.id, redactedText: analyzed.redaction.text, language: lang, score: row.score,
                    classification: baseline))
        }
        let client = OpenAICompatibleClient(config: config)
        let assist = LLMAssist(
            policy: policy, config: config, prompt: prompt, client: client, cache: InMemoryAnswerCache())
        let result = try await assist.run(items, dryRun: dryRun)

        if dryRun {
            for entry in result.dryRun { print(entry.rendered) }
        } else {
            for (i, item) in items.enumerated() {
                print(Self.line(id: item.id, outcome: result.outcomes[i], classification: result.classifications[i]))
            }
        }
        var stderr = StandardError()
        print(result.report.summary, to: &stderr)
        if strict, !dryRun, result.report.answered + result.report.cached != result.report.selected {
            throw ExitCode(1)
        }
    }

    /// The stand-in when no lexicon result is given: nothing found, no confidence.
    static func baseline(lang: Language, score: Int?) -> Classification {
        Classification(
            lang: lang, sentiment: .neutral, topics: [], flags: [], followUp: false, nps: NPSCategory(score: score),
            confidence: 0, mismatch: false, evidence: [], lexiconVersion: "none")
    }

    static func line(id: String, outcome: LLMItemOutcome, classification c: Classification) -> String {
        func source(_ key: String) -> JSONValue {
            let p = c.provenance[key] ?? .lexicon
            var o: [String: JSONValue] = ["source": .string(p.source.rawValue)]
            if let m = p.model { o["model"] = .string(m) }
            if let v = p.promptVersion { o["prompt_version"] = .string(v) }
            if let k = p.cacheKey { o["cache_key"] = .string(k) }
            return .object(o)
        }
        let outcomeText: String
        switch outcome {
        case .notSelected: outcomeText = "not_selected"
        case .cached(let m): outcomeText = "cached:\(m.rawValue)"
        case .answered(let m): outcomeText = "answered:\(m.rawValue)"
        case .skippedByBudget: outcomeText = "skipped_by_budget"
        case .invalid(let why): outcomeText = "invalid: \(why)"
        case .failed(let why): outcomeText = "failed: \(why)"
        case .wouldSend: outcomeText = "would_send"
        case .sameAsEarlier(let id): outcomeText = "same_as:\(id)"
        }
        return JSONValue.object([
            "id": .string(id),
            "outcome": .string(outcomeText),
            "topics": .array(c.topics.map {
                .object([
                    "topic": .string($0.topic.rawValue), "label": .string($0.label.rawValue),
                    "provenance": source("topic:\($0.topic.rawValue):\($0.label.rawValue)"),
                ])
            }),
            "flags": .array(c.flags.map {
                .object(["flag": .string($0.rawValue), "provenance": source("flag:\($0.rawValue)")])
            }),
            "sentiment": .string(c.sentiment.rawValue),
            "sentiment_provenance": source("sentiment"),
            "follow_up": .bool(c.followUp),
        ]).compactString
    }
}

private struct StandardError: TextOutputStream {
    mutating func write(_ string: String) { FileHandle.standardError.write(Data(string.utf8)) }
}
