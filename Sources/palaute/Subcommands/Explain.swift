import ArgumentParser
import PalauteClassify
import PalauteText

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show which words, rules and lexicon lines produced each label of a text."
    )

    @Argument(help: "The response text.")
    var text: String

    @Option(help: "The 0–10 score, for NPS, follow-up and mismatch.")
    var score: Int?

    @Option(help: "Read the text as this language (fi, sv, en) instead of detecting it.")
    var lang: Language?

    @Option(help: "The lexicons folder.")
    var lexicons: String?

    func run() throws {
        let classifier = try Classifier(lexicons: lexicons)
        let analyzed = try TextAnalyzer().analyze(text)
        let e = classifier.explain(analyzed, score: score, language: lang)
        let c = e.classification
        print("lexicon \(c.lexiconVersion), language \(c.lang.rawValue)")
        print("tokens:")
        for t in e.tokens {
            print("  [\(t.clause)] \(t.text) → \(t.lemmas.isEmpty ? "?" : t.lemmas.joined(separator: "|"))")
        }
        print("rules:")
        for s in e.steps { print("  \(s)") }
        print("result:")
        print("  sentiment \(c.sentiment.rawValue)")
        print("  topics    " + c.topics.map { "\($0.topic.rawValue):\($0.label.rawValue)" }.joined(separator: ", "))
        print("  flags     " + c.flags.map(\.rawValue).joined(separator: ", "))
        print("  follow_up \(c.followUp)  nps \(c.nps?.rawValue ?? "-")  mismatch \(c.mismatch)  confidence \(c.confidence)")
        for ev in c.evidence {
            print("  evidence \(ev.target): \"\(ev.text)\" \(ev.start)-\(ev.end) \(ev.rule)\(ev.source.map { " \($0)" } ?? "")")
        }
    }
}

extension Language: ExpressibleByArgument {}
