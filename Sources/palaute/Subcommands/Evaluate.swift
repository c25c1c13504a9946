import ArgumentParser
import Foundation
import PalauteClassify
import PalauteLLM
import PalauteText

struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score the classifier on a gold JSONL file (or FinnSentiment with --finnsentiment)."
    )

    @Argument(help: "A gold JSONL file in the format of the label contract.")
    var gold: String

    @ArgumentParser.Flag(help: "The file is FinnSentiment: score 3-class macro-F1 and MCC per split (mixed counts as neutral).")
    var finnsentiment = false

    @Option(help: "FinnSentiment: only these splits, e.g. 1 or 2-20.")
    var splits: String?

    @ArgumentParser.Flag(help: "Read the texts as general-domain text: the learned sentiment model decides every sentiment (see docs/sentiment-model.md).")
    var generalDomain = false

    @ArgumentParser.Flag(help: "Debugging only: read each text in its gold `lang` instead of detecting the language.")
    var useGoldLang = false

    @Option(help: "Print this many of the costliest errors.")
    var top: Int = 15

    @ArgumentParser.Flag(help: "List every response with a wrong topic+label set.")
    var showErrors = false

    @Option(help: "The lexicons folder.")
    var lexicons: String?

    func run() throws {
        var classifier = try Classifier(lexicons: lexicons)
        classifier.generalDomain = generalDomain
        let rows = try ResponseFile.read(gold)
        if finnsentiment {
            try runFinnSentiment(rows, classifier)
            return
        }
        let inputs = rows.map { row in
            BatchInput(text: row.text, score: row.score,
                       language: useGoldLang ? (row.field("lang") as? String).flatMap(Language.init(rawValue:)) : nil)
        }
        let predicted = try BatchClassifier.classify(inputs, with: classifier)
        var eval = Evaluation()
        var langCorrect = 0
        for (row, p) in zip(rows, predicted) {
            let g = try goldLabels(row)
            eval.add(gold: g, predicted: p)
            if (row.field("lang") as? String) == p.lang.rawValue { langCorrect += 1 }
            if showErrors, Set(g.topics) != Set(p.topics) || Set(g.flags) != Set(p.flags) {
                let fmt = { (ts: [TopicLabel]) in ts.sorted().map { "\($0.topic.rawValue):\($0.label.rawValue.prefix(1))" }.joined(separator: " ") }
                print("\(row.field("id") as? String ?? "?") \(row.text)")
                print("    gold \(fmt(g.topics)) \(g.flags.map(\.rawValue))  pred \(fmt(p.topics)) \(p.flags.map(\.rawValue))")
            }
        }
        // The product's own selection (PalauteLLM's `LLMSelection` with the default thresholds), so the share
        // printed is the share the nightly run would send.
        let lowConfidence = zip(rows, predicted).filter { row, p in
            LLMSelection.shouldSend(policy: .uncertain, classification: p, redactedText: row.text)
        }.count
        print("responses            \(eval.count)   lexicon \(classifier.lexiconVersion)")
        print("topics (micro)       \(eval.topics)")
        print("topic+label (micro)  \(eval.pairs)")
        print(String(format: "sentiment            accuracy %.3f  macro-F1 %.3f", eval.sentimentAccuracy, eval.sentimentMacroF1))
        for f in PalauteClassify.Flag.allCases { print("flag \(f.rawValue.padding(toLength: 16, withPad: " ", startingAt: 0))\(eval.perFlag[f] ?? PRF())") }
        print("follow_up            \(eval.followUp)")
        print(String(format: "language id          accuracy %.3f", Double(langCorrect) / Double(max(1, eval.count))))
        print(String(format: "uncertain (→ LLM)    %d (%.1f%%)", lowConfidence, 100 * Double(lowConfidence) / Double(max(1, eval.count))))
        // Does low confidence predict errors? A response is wrong when its topic labels, sentiment or flags differ.
        var buckets = [(n: Int, wrong: Int)](repeating: (0, 0), count: Self.confidenceBuckets.count)
        for (row, p) in zip(rows, predicted) {
            let g = try goldLabels(row)
            let wrong = Set(g.topics) != Set(p.topics) || g.sentiment != p.sentiment || Set(g.flags) != Set(p.flags)
            let b = Self.confidenceBuckets.lastIndex { p.confidence >= $0 } ?? 0
            buckets[b].n += 1
            if wrong { buckets[b].wrong += 1 }
        }
        print("error rate by confidence:")
        for (i, low) in Self.confidenceBuckets.enumerated() where buckets[i].n > 0 {
            let high = i + 1 < Self.confidenceBuckets.count ? String(format: "%.1f", Self.confidenceBuckets[i + 1]) : "1.0"
            print(String(format: "  %.1f–%@  n %3d  wrong %3d  (%.0f%%)", low, high as NSString, buckets[i].n, buckets[i].wrong,
                         100 * Double(buckets[i].wrong) / Double(buckets[i].n)))
        }
        print("per-topic F1:")
        for t in Topic.allCases {
            let p = eval.perTopic[t] ?? PRF()
            print(String(format: "  %-18@ %.3f  (tp %d fp %d fn %d)", t.rawValue as NSString, p.f1, p.tp, p.fp, p.fn))
        }
        print("sentiment confusion (gold → predicted):")
        for g in Sentiment.allCases {
            let row = Sentiment.allCases.map { "\($0.rawValue) \(eval.sentimentConfusion[g]?[$0] ?? 0)" }.joined(separator: "  ")
            print("  \(g.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) \(row)")
        }
        print("costliest errors:")
        for (k, v) in eval.topErrors.prefix(top) { print("  \(v)\t\(k)") }
    }

    static let confidenceBuckets = [0.0, 0.5, 0.7, 0.9]

    func goldLabels(_ row: ResponseRow) throws -> GoldLabels {
        let fail = { (what: String) in ResponseFileError(file: gold, line: row.line, reason: what) }
        guard let s = row.field("sentiment") as? String, let sentiment = Sentiment(rawValue: s) else { throw fail("missing or unknown sentiment") }
        var topics: [TopicLabel] = []
        for t in row.field("topics") as? [[String: Any]] ?? [] {
            guard let topic = (t["topic"] as? String).flatMap(Topic.init(rawValue:)),
                  let label = (t["label"] as? String).flatMap(MentionLabel.init(rawValue:)) else { throw fail("bad topic entry \(t)") }
            topics.append(TopicLabel(topic: topic, label: label))
        }
        let flags = try (row.field("flags") as? [String] ?? []).map { (f: String) -> PalauteClassify.Flag in
            guard let flag = PalauteClassify.Flag(rawValue: f) else { throw fail("unknown flag \(f)") }
            return flag
        }
        return GoldLabels(sentiment: sentiment, topics: topics, flags: flags, followUp: row.field("follow_up") as? Bool ?? false)
    }

    func runFinnSentiment(_ rows: [ResponseRow], _ classifier: Classifier) throws {
        let wanted = parseSplits(splits)
        let selected = rows.filter { row in
            guard let w = wanted else { return true }
            return (row.field("split") as? NSNumber).map { w.contains($0.intValue) } ?? false
        }
        let predicted = try BatchClassifier.classify(selected.map { BatchInput(text: $0.text, score: nil, language: .fi) }, with: classifier)
        var perSplit: [Int: [String: [String: Int]]] = [:]
        var all: [String: [String: Int]] = [:]
        for (row, p) in zip(selected, predicted) {
            let split = (row.field("split") as? NSNumber)?.intValue ?? 0
            let g = row.field("sentiment") as? String ?? "neutral"
            let pred = p.sentiment == .mixed ? "neutral" : p.sentiment.rawValue
            perSplit[split, default: [:]][g, default: [:]][pred, default: 0] += 1
            all[g, default: [:]][pred, default: 0] += 1
        }
        print("split  n      accuracy  macro-F1  MCC")
        for s in perSplit.keys.sorted() {
            let c = ClassScores(confusion: perSplit[s]!)
            let n = perSplit[s]!.values.flatMap(\.values).reduce(0, +)
            print(String(format: "%-6d %-6d %.3f     %.3f     %.3f", s, n, c.accuracy, c.macroF1, c.mcc))
        }
        let c = ClassScores(confusion: all)
        print(String(format: "all    %-6d %.3f     %.3f     %.3f", selected.count, c.accuracy, c.macroF1, c.mcc))
    }

    func parseSplits(_ s: String?) -> Set<Int>? {
        guard let s else { return nil }
        var out = Set<Int>()
        for part in s.split(separator: ",") {
            let r = part.split(separator: "-").compactMap { Int($0) }
            if r.count == 2 { out.formUnion(r[0]...r[1]) } else if let one = r.first { out.insert(one) }
        }
        return out
    }
}
