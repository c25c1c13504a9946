import Foundation
import PalauteText

/// One thread's classifier: its own `TextAnalyzer` (Voikko handles are not thread-safe), its lexicon look-ups
/// by word form, and the answers for texts it has already read. Survey comments repeat ("Kiitos!", "Hyvä
/// palvelu", an empty comment), so a worker that has read a text answers it again from memory; the answer is the
/// one a fresh reading gives, because classification is a function of the text, the language override and the
/// lexicons (the score only sets `nps`, `follow_up` and `mismatch`, which are recomputed).
///
/// Not thread-safe: one per thread, kept across batches so that its caches stay warm. Send every copy of a text
/// to the same worker (`ClassifierWorker.worker(for:of:)`) to find its repeats and to keep results independent
/// of thread timing.
public final class ClassifierWorker {
    public let classifier: Classifier
    public let analyzer: TextAnalyzer
    let cache = LookupCache()
    private var memo: [MemoKey: Memo] = [:]
    /// Texts answered from memory, and texts read.
    public private(set) var repeats = 0
    public private(set) var readings = 0

    /// Bounds on what is remembered: texts up to this many UTF-8 bytes (repeats are short), and this many texts
    /// (then the memory starts over), so that memory stays flat on a run of millions.
    public static let memoTextLimit = 400
    public static let memoEntryLimit = 25_000

    private struct MemoKey: Hashable {
        var text: String
        var language: Language?
    }

    private struct Memo {
        var classification: Classification
        var redactedText: String
    }

    public init(classifier: Classifier, analyzer: TextAnalyzer) {
        self.classifier = classifier
        self.analyzer = analyzer
    }

    /// Classifies one comment; also returns its redacted text (what reports and the queue may show).
    public func classify(_ text: String, score: Int?, language: Language? = nil) -> (classification: Classification, redactedText: String) {
        let remember = text.utf8.count <= Self.memoTextLimit
        let key = MemoKey(text: text, language: language)
        if remember, let m = memo[key] {
            repeats += 1
            return (m.classification.scored(score), m.redactedText)
        }
        readings += 1
        let analyzed = analyzer.analyze(text)
        let c = classifier.classify(analyzed, score: score, language: language, cache: cache)
        if remember {
            if memo.count >= Self.memoEntryLimit { memo.removeAll(keepingCapacity: true) }
            memo[key] = Memo(classification: c, redactedText: analyzed.redaction.text)
        }
        return (c, analyzed.redaction.text)
    }

    /// Which of `workers` workers reads `text`: a stable hash (FNV-1a of the UTF-8 bytes), so that repeats of a
    /// text meet in one worker's memory and each worker's share depends on the input only, never on timing.
    public static func worker(for text: String, of workers: Int) -> Int {
        guard workers > 1 else { return 0 }
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in text.utf8 {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        return Int(h % UInt64(workers))
    }

    /// The responses of `texts` each of `workers` workers reads, in input order.
    public static func shares(of texts: some Collection<String>, workers: Int) -> [[Int]] {
        var out = [[Int]](repeating: [], count: max(1, workers))
        for (i, t) in texts.enumerated() { out[worker(for: t, of: out.count)].append(i) }
        return out
    }
}

extension Classification {
    /// The same reading of the text for a response with another score.
    public func scored(_ score: Int?) -> Classification {
        var c = self
        c.nps = NPSCategory(score: score)
        c.followUp = FollowUpRule.applies(score: score, topics: topics, flags: flags)
        c.mismatch = Classifier.mismatch(score: score, topics: topics)
        return c
    }
}
