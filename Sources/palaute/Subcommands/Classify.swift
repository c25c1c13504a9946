import ArgumentParser
import Foundation
import PalauteClassify

struct Classify: ParsableCommand {
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

    func run() throws {
        let classifier = try Classifier(lexicons: lexicons)
        let rows = try ResponseFile.read(input)
        let results = try BatchClassifier.classify(rows.map { BatchInput(text: $0.text, score: $0.score) }, with: classifier, workers: workers)
        var out = ""
        out.reserveCapacity(rows.count * 600)
        for (row, c) in zip(rows, results) {
            out += ResponseFile.jsonLine(row, c)
            out += "\n"
        }
        if let output {
            try out.write(toFile: output, atomically: true, encoding: .utf8)
        } else {
            FileHandle.standardOutput.write(Data(out.utf8))
        }
    }
}
