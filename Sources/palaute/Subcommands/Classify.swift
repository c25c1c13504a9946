import ArgumentParser
import Foundation
import PalauteClassify
import PalauteLLM
import PalauteText

struct Classify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Classify a CSV or JSONL file of responses (no database) into JSON lines in the gold format."
    )

    @Argument(help: "A .jsonl or .csv file of responses (fields text and score).")
    var input: String

    @Option(name: .shortAndLong, help: "Write here instead of standard output.")
    var output: String?

    @Option(help: "The lexicons folder (default: found next to the binary or via PALAUTE_HOME).")
    var lexicons: String?

    @Option(help: "Worker threads (default: all cores).")
    var workers: Int = ProcessInfo.processInfo.activeProcessorCount

    @OptionGroup var llm: LLMOptions

    func run() async throws {
        let classifier = try Classifier(lexicons: lexicons)
        let rows = try ResponseFile.read(input)
        var results = try BatchClassifier.classify(
            rows.map { BatchInput(text: $0.text, score: $0.score) }, with: classifier, workers: workers)
        if let assist = try llm.assist(cache: InMemoryAnswerCache()) {
            results = try await secondOpinion(assist, rows: rows, lexiconResults: results)
        }
        let out = ResponseFile.jsonLines(rows, results)
        if let output {
            try out.write(toFile: output, atomically: true, encoding: .utf8)
        } else {
            FileHandle.standardOutput.write(Data(out.utf8))
        }
    }

    /// Asks the LLM about the responses the policy selects; only redacted text is sent.
    private func secondOpinion(
        _ assist: LLMAssist, rows: [ResponseRow], lexiconResults: [Classification]
    ) async throws -> [Classification] {
        let analyzer = try TextAnalyzer(lexicons: lexicons.map { URL(fileURLWithPath: $0) })
        let items = zip(rows, lexiconResults).map { row, c in
            LLMItem(
                id: (row.field("id") as? String) ?? "line-\(row.line)", analyzed: analyzer.analyze(row.text),
                score: row.score, classification: c)
        }
        let result = try await assist.run(items, dryRun: llm.dryRun)
        if llm.dryRun {
            for request in result.dryRun { print(request.rendered) }
            FileHandle.standardError.write(Data("palaute: \(result.report.summary)\n".utf8))
            throw ExitCode.success
        }
        FileHandle.standardError.write(Data("palaute: \(result.report.summary)\n".utf8))
        return result.classifications
    }
}
