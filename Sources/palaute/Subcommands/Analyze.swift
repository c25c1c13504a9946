import ArgumentParser
import Foundation
import PalauteText

/// `palaute analyze`: the lexicon authors' debugging tool, and the text-analysis benchmark.
struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show tokens, lemmas, compound parts and marks for a text: the lexicon authors' debugging tool.",
        discussion: """
            Prints one row per token (offsets, kind, surface, normalized form, lemma, compound parts, marks such as \
            NEG, CONNEG, COND, IMPV, case, comparison and clitics), the language, the clauses and the redacted text.
            With --bench FILE.jsonl it measures analysis speed on a survey export instead (see docs/bench-text.md).
            """
    )

    @Argument(help: "The text to analyse (not needed with --bench).")
    var text: String?

    @Flag(help: "Print the analysis as JSON.")
    var json = false

    @Flag(help: "Show every Voikko reading, not only the chosen one.")
    var all = false

    @Option(help: "The lexicons folder (default: found automatically).")
    var lexicons: String?

    @Option(help: "Analyse the `text` field of every line of this JSONL file; print id, language, redacted text and normalised words.")
    var jsonl: String?

    @Option(help: "Benchmark: analyse the `text` field of every line of this JSONL file.")
    var bench: String?

    @Option(help: "Benchmark: number of worker threads, each with its own analyzer.")
    var workers = 1

    @Option(help: ArgumentHelp("Benchmark: passes over the file (the first cold, the rest warm).", visibility: .hidden))
    var passes = 2

    @Flag(help: "Benchmark: give each worker only its own cache (no shared word-form resolutions).")
    var noSharedCache = false

    @Option(help: "How many Voikko spelling-suggestion calls each analyzer may make (they cost milliseconds).")
    var suggestions = Normalizer.defaultSuggestionBudget

    mutating func validate() throws {
        if bench == nil, jsonl == nil, text == nil { throw ValidationError("Give a text to analyse, or --bench FILE.jsonl.") }
        if workers < 1 { throw ValidationError("--workers must be at least 1.") }
    }

    func run() throws {
        let folder = try lexicons.map { try ResourceLocator.locate("lexicons", explicit: $0) }
            ?? (try? ResourceLocator.locate("lexicons"))
        if let bench {
            try TextBenchmark(file: bench, workers: workers, lexicons: folder, suggestions: suggestions, passes: passes,
                              noSharedCache: noSharedCache).run()
            return
        }
        let analyzer = try TextAnalyzer(lexicons: folder, suggestionBudget: suggestions)
        if let jsonl {
            for (id, text) in try TextBenchmark.readRecords(jsonl) {
                let a = analyzer.analyze(text)
                let changed = a.tokens.compactMap { t -> String? in
                    guard let by = t.normalizedBy, by != .surface else { return nil }
                    return "\(t.token.text)→\(t.normalized)(\(by.rawValue))"
                }
                print("\(id)\t\(a.language.rawValue)\t\(a.redaction.text.replacingOccurrences(of: "\n", with: " "))"
                    + "\t\(changed.joined(separator: " "))")
            }
            return
        }
        let analyzed = analyzer.analyze(text ?? "")
        if json {
            print(AnalysisPrinter.json(analyzed))
        } else {
            print(AnalysisPrinter.table(analyzed, allReadings: all))
        }
    }
}
