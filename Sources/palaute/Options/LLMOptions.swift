import ArgumentParser
import Foundation
import PalauteLLM

extension LLMPolicy: ExpressibleByArgument {}

/// `--llm`, `--llm-config`, `--models`, `--dry-run`: the LLM second opinion, off unless asked for.
struct LLMOptions: ParsableArguments {
    @Option(help: "LLM second opinion: off, uncertain (only what the lexicon is unsure of) or all.")
    var llm: LLMPolicy = .off

    @Option(name: .customLong("llm-config"), help: "The LLM config file (see models/llm/config.example.json).")
    var llmConfig: String?

    @Option(help: "The models/ folder with the prompt and schema (default: found like lexicons/).")
    var models: String?

    @Flag(name: .customLong("dry-run"), help: "Print exactly what would be sent to the LLM; send nothing.")
    var dryRun = false

    /// The configured assistant, or nil when the policy is off (then no config is read and no client is built).
    func assist(cache: any LLMAnswerCache) throws -> LLMAssist? {
        try LLMAssist.load(policy: llm, configFile: llmConfig, models: models, cache: cache)
    }
}

extension DryRunRequest {
    /// The request as `--dry-run` shows it: URL, headers (the credential as its variable name) and the exact body.
    var rendered: String {
        var lines = ["# \(id) POST \(request.url.absoluteString) cache_key=\(cacheKey)"]
        for (k, v) in request.headers.sorted(by: { $0.key < $1.key }) { lines.append("# \(k): \(v)") }
        lines.append(String(decoding: request.body.encoded(), as: UTF8.self))
        return lines.joined(separator: "\n")
    }
}
