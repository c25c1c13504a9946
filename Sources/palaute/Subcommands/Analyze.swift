import ArgumentParser
import PalauteText

struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show tokens, lemmas and marks for a text: the lexicon authors' debugging tool."
    )

    @Argument(help: "The text to analyse.")
    var text: String

    func run() throws {
        let analyzer = try TextAnalyzer()
        let analyzed = analyzer.analyze(text)
        for t in analyzed.tokens {
            let lemma = t.best?.lemma ?? "?"
            print("\(t.token.range.lowerBound)-\(t.token.range.upperBound)\t\(t.token.kind.rawValue)\t\(t.token.text)\t\(lemma)\tclause \(t.clause)")
        }
    }
}
