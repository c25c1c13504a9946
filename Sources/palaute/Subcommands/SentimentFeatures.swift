import ArgumentParser
import Dispatch
import Foundation
import PalauteClassify
import PalauteIngest
import PalauteText

/// `palaute sentiment-features`: the learned sentiment model's features for every line of a JSONL file, as
/// the classifier itself extracts them, for scripts/train-sentiment.py (so training and inference share code).
struct SentimentFeaturesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sentiment-features",
        abstract: "Write the sentiment model's features of each text (for scripts/train-sentiment.py).",
        discussion: """
            One JSON line per input line: id, split, gold sentiment, whether the classifier consults the model for \
            the text (open), the rules' own verdict (curated), the classifier's final sentiment and the features.
            """,
        shouldDisplay: false
    )

    @Argument(help: "A JSONL file with `text` (and `id`, `split`, `sentiment` when present).")
    var file: String

    @ArgumentParser.Flag(help: "Read every text as Finnish, as `evaluate --finnsentiment` does.")
    var finnish = false

    @Option(help: "The lexicons folder.")
    var lexicons: String?

    @Option(help: "The models folder (the current sentiment model only decides the `final` field).")
    var models: String?

    func run() throws {
        let classifier = try Classifier(lexicons: lexicons, models: models)
        let rows = try ResponseFile.read(file)
        let language: Language? = finnish ? .fi : nil
        // The same worker split as `BatchClassifier` (by text hash), so the analyses (suggestion budgets) match
        // `evaluate`.
        let shares = ClassifierWorker.shares(of: rows.lazy.map(\.text), workers: ProcessInfo.processInfo.activeProcessorCount)
        let box = ResultBox<[String]>(count: shares.count, empty: [])
        let shared = SharedResolutions()
        DispatchQueue.concurrentPerform(iterations: shares.count) { w in
            let analyzer: TextAnalyzer
            do { analyzer = try TextAnalyzer() } catch {
                box.set(w, .failure(error))
                return
            }
            if shares.count > 1 { analyzer.normalizer.shared = shared }
            var lines: [String] = []
            for i in shares[w] {
                let row = rows[i]
                let (reading, c) = classifier.sentimentReading(analyzer.analyze(row.text), score: row.score, language: language)
                var fields = [
                    "\"id\": " + JSONLiteral.string(row.field("id") as? String ?? String(row.line)),
                    "\"split\": \((row.field("split") as? NSNumber)?.intValue ?? 0)",
                    "\"gold\": " + JSONLiteral.string(row.field("sentiment") as? String ?? ""),
                    "\"open\": \(reading.open)",
                    "\"curated\": \"\(reading.curated.rawValue)\"",
                    "\"final\": \"\(c.sentiment.rawValue)\"",
                ]
                fields.append("\"features\": [" + reading.features.map(JSONLiteral.string).joined(separator: ", ") + "]")
                lines.append("{" + fields.joined(separator: ", ") + "}")
            }
            box.set(w, .success(lines))
        }
        // Back into input order.
        var out = [String](repeating: "", count: rows.count)
        for (w, lines) in try box.values().enumerated() {
            for (i, line) in zip(shares[w], lines) { out[i] = line }
        }
        FileHandle.standardOutput.write(Data((out.joined(separator: "\n") + "\n").utf8))
    }
}
