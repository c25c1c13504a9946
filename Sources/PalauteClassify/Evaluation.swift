/// Precision, recall and F1 from counts.
public struct PRF: Sendable, Hashable, CustomStringConvertible {
    public var tp = 0
    public var fp = 0
    public var fn = 0

    public init(tp: Int = 0, fp: Int = 0, fn: Int = 0) {
        self.tp = tp
        self.fp = fp
        self.fn = fn
    }

    /// An empty prediction set is perfectly precise: nothing wrong was said.
    public var precision: Double { tp + fp == 0 ? 1 : Double(tp) / Double(tp + fp) }
    public var recall: Double { tp + fn == 0 ? 1 : Double(tp) / Double(tp + fn) }
    public var f1: Double {
        let p = precision, r = recall
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }

    mutating func count<T: Hashable>(gold: Set<T>, predicted: Set<T>) {
        tp += gold.intersection(predicted).count
        fp += predicted.subtracting(gold).count
        fn += gold.subtracting(predicted).count
    }

    public var description: String {
        String(format: "P %.3f  R %.3f  F1 %.3f  (tp %d fp %d fn %d)", precision, recall, f1, tp, fp, fn)
    }
}

/// The gold labels of one response.
public struct GoldLabels: Sendable, Hashable {
    public var sentiment: Sentiment
    public var topics: [TopicLabel]
    public var flags: [Flag]
    public var followUp: Bool

    public init(sentiment: Sentiment, topics: [TopicLabel], flags: [Flag], followUp: Bool) {
        self.sentiment = sentiment
        self.topics = topics
        self.flags = flags
        self.followUp = followUp
    }
}

/// Scores predictions against gold labels the way the label contract is judged: micro P/R/F1 over topics and
/// topic+label pairs, per-topic F1, sentiment accuracy and macro-F1, flag and follow-up precision/recall,
/// and the errors that cost most.
public struct Evaluation: Sendable {
    public var count = 0
    public var topics = PRF()
    public var pairs = PRF()
    public var perTopic: [Topic: PRF] = [:]
    public var perFlag: [Flag: PRF] = [:]
    public var followUp = PRF()
    public var sentimentCorrect = 0
    /// gold → predicted → count.
    public var sentimentConfusion: [Sentiment: [Sentiment: Int]] = [:]
    /// Missed (`fn topic:label`) and invented (`fp topic:label`) pairs by count.
    public var errors: [String: Int] = [:]

    public init() {}

    public mutating func add(gold: GoldLabels, predicted: Classification) {
        count += 1
        let gPairs = Set(gold.topics), pPairs = Set(predicted.topics)
        pairs.count(gold: gPairs, predicted: pPairs)
        let gTopics = Set(gold.topics.map(\.topic)), pTopics = Set(predicted.topics.map(\.topic))
        topics.count(gold: gTopics, predicted: pTopics)
        for t in Topic.allCases {
            perTopic[t, default: PRF()].count(gold: gTopics.contains(t) ? [t] : [], predicted: pTopics.contains(t) ? [t] : [])
        }
        for f in Flag.allCases {
            perFlag[f, default: PRF()].count(gold: gold.flags.contains(f) ? [f] : [], predicted: predicted.flags.contains(f) ? [f] : [])
        }
        followUp.count(gold: gold.followUp ? [true] : [], predicted: predicted.followUp ? [true] : [])
        if gold.sentiment == predicted.sentiment { sentimentCorrect += 1 }
        sentimentConfusion[gold.sentiment, default: [:]][predicted.sentiment, default: 0] += 1
        for p in gPairs.subtracting(pPairs) { errors["missed \(p.topic.rawValue):\(p.label.rawValue)", default: 0] += 1 }
        for p in pPairs.subtracting(gPairs) { errors["invented \(p.topic.rawValue):\(p.label.rawValue)", default: 0] += 1 }
    }

    public var sentimentAccuracy: Double { count == 0 ? 0 : Double(sentimentCorrect) / Double(count) }

    /// Macro-F1 over the four sentiment classes that occur in gold or predictions.
    public var sentimentMacroF1: Double {
        ClassScores(confusion: sentimentConfusion.mapValues { $0.mapKeys(\.rawValue) }.mapKeys(\.rawValue)).macroF1
    }

    /// The costliest errors first.
    public var topErrors: [(String, Int)] {
        errors.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}

/// Multi-class scores from a confusion matrix (gold → predicted → count): macro-F1 and Matthews' correlation.
public struct ClassScores: Sendable {
    public var confusion: [String: [String: Int]]

    public init(confusion: [String: [String: Int]]) {
        self.confusion = confusion
    }

    public var classes: [String] {
        Set(confusion.keys).union(confusion.values.flatMap(\.keys)).sorted()
    }

    public func f1(_ c: String) -> Double {
        let tp = confusion[c]?[c] ?? 0
        let goldN = confusion[c]?.values.reduce(0, +) ?? 0
        let predN = confusion.values.reduce(0) { $0 + ($1[c] ?? 0) }
        return PRF(tp: tp, fp: predN - tp, fn: goldN - tp).f1
    }

    public var macroF1: Double {
        let cs = classes
        return cs.isEmpty ? 0 : cs.map(f1).reduce(0, +) / Double(cs.count)
    }

    public var accuracy: Double {
        let n = confusion.values.flatMap(\.values).reduce(0, +)
        let correct = classes.reduce(0) { $0 + (confusion[$1]?[$1] ?? 0) }
        return n == 0 ? 0 : Double(correct) / Double(n)
    }

    /// Gorodkin's multi-class MCC.
    public var mcc: Double {
        let cs = classes
        let s = Double(confusion.values.flatMap(\.values).reduce(0, +))
        let c = Double(cs.reduce(0) { $0 + (confusion[$1]?[$1] ?? 0) })
        var sumPT = 0.0, sumP2 = 0.0, sumT2 = 0.0
        for k in cs {
            let t = Double(confusion[k]?.values.reduce(0, +) ?? 0)
            let p = Double(confusion.values.reduce(0) { $0 + ($1[k] ?? 0) })
            sumPT += p * t
            sumP2 += p * p
            sumT2 += t * t
        }
        let denom = ((s * s - sumP2) * (s * s - sumT2)).squareRoot()
        return denom == 0 ? 0 : (c * s - sumPT) / denom
    }
}

extension Dictionary {
    func mapKeys<K: Hashable>(_ f: (Key) -> K) -> [K: Value] {
        var out: [K: Value] = [:]
        for (k, v) in self { out[f(k)] = v }
        return out
    }
}
