import Foundation
import PalauteText

/// Why a sentiment model file could not be read: the file, the line and what was wrong with it.
public struct SentimentModelError: Error, CustomStringConvertible, Equatable {
    public var file: String
    public var line: Int
    public var message: String
    public var description: String { "\(file):\(line): \(message)" }
}

/// The learned general-domain sentiment model (`models/sentiment/fi.tsv`, trained by
/// scripts/train-sentiment.py on FinnSentiment splits 2–20): a three-class logistic regression over the
/// features of `SentimentFeatures`. The rules consult it only for texts they give no topic label (see
/// `Classifier.run`), so patient feedback the curated lexicon reads is left to the lexicon.
public struct SentimentModel: Sendable {
    /// The classes, in the column order of the file.
    public enum Class: Int, Sendable, CaseIterable {
        case positive, negative, neutral
    }

    /// Weights (positive, negative, neutral) by feature, words by lemma.
    var words: [String: SIMD4<Double>] = [:]
    var negated: [String: SIMD4<Double>] = [:]
    var others: [String: SIMD4<Double>] = [:]
    public private(set) var featureCount = 0
    var bias = SIMD4<Double>(0, 0, 0, 0)
    /// Added to the logits in the feedback mode (tuned so that the domain gold sets lose nothing) and in the
    /// general-domain mode (tuned for FinnSentiment macro-F1 alone).
    var domainOffset = SIMD4<Double>(0, 0, 0, 0)
    var generalOffset = SIMD4<Double>(0, 0, 0, 0)
    /// Feedback mode: how far (in logits) the winning class must lead the next before the model labels a text the
    /// rules left unlabelled (polar), replaces the rules' topic-less verdict (flip) or withdraws it (neutral).
    public var polarMargin = 0.0
    public var flipMargin = Double.infinity
    public var neutralMargin = Double.infinity
    /// A content hash of the file (FNV-1a 64), folded into the classifier's version.
    public var version = ""

    public init() {}

    func weight(_ f: SentimentFeature) -> SIMD4<Double>? {
        switch f {
        case .word(let l): words[l]
        case .negated(let l): negated[l]
        case .other(let s): others[s]
        }
    }

    /// How much a word (`w:` feature) favours a class over the others.
    func pull(of lemma: String, towards c: Class) -> Double {
        guard let w = words[lemma] else { return 0 }
        return w[c.rawValue] - max(w[(c.rawValue + 1) % 3], w[(c.rawValue + 2) % 3])
    }

    /// The logits before any feature: the bias with the offset of the mode.
    func start(general: Bool) -> SIMD4<Double> { bias + (general ? generalOffset : domainOffset) }

    /// Logits (positive, negative, neutral) of features given by name, with the offset of the mode.
    public func scores(_ features: [String], general: Bool = false) -> (positive: Double, negative: Double, neutral: Double) {
        var z = start(general: general)
        for f in features {
            if let w = weight(SentimentFeature(name: f)) { z += w }
        }
        return (z[0], z[1], z[2])
    }

    /// The winning class and its lead over the runner-up.
    public func decide(_ features: [String], general: Bool = false) -> (winner: Class, lead: Double) {
        let z = scores(features, general: general)
        return Self.decide(SIMD4(z.positive, z.negative, z.neutral, 0))
    }

    static func decide(_ z: SIMD4<Double>) -> (winner: Class, lead: Double) {
        var best = Class.positive, second = -Double.infinity
        for c in [Class.negative, .neutral] {
            if z[c.rawValue] > z[best.rawValue] {
                second = z[best.rawValue]
                best = c
            } else {
                second = max(second, z[c.rawValue])
            }
        }
        return (best, z[best.rawValue] - second)
    }

    /// The file the classifier loads from a `models/` folder.
    public static let relativePath = "sentiment/fi.tsv"

    /// Reads a model file: `#` comments, a header `feature positive negative neutral`, then one row a
    /// feature. Parameter rows: `(bias)`, `(domain-offset)`, `(general-offset)` (per class) and `(margins)`
    /// (polar, flip, neutral; `inf` for never).
    public static func load(from url: URL) throws -> SentimentModel {
        let name = url.lastPathComponent
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw SentimentModelError(file: url.path, line: 0, message: "cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SentimentModelError(file: url.path, line: 0, message: "not valid UTF-8")
        }
        return try parse(text, file: "sentiment/\(name)")
    }

    /// Finds `models/` like `lexicons/` and loads the model; nil when there is no `models/sentiment/fi.tsv`.
    public static func locate(explicit: String? = nil) throws -> SentimentModel? {
        let folder: URL
        do { folder = try ResourceLocator.locate("models", explicit: explicit) } catch {
            if explicit != nil { throw error }
            return nil
        }
        let url = folder.appendingPathComponent(relativePath)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return try load(from: url)
    }

    static func parse(_ text: String, file: String) throws -> SentimentModel {
        var model = SentimentModel()
        var hasher = FNV1a()
        hasher.combine(text)
        model.version = hasher.hex
        var headerSeen = false
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = Substring(raw)
            if line.hasSuffix("\r") { line.removeLast() }
            if line.isEmpty || line.hasPrefix("#") { continue }
            let err = { (msg: String) in SentimentModelError(file: file, line: i + 1, message: msg) }
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false)
            if !headerSeen {
                guard cols.map(String.init) == ["feature", "positive", "negative", "neutral"] else {
                    throw err("the header must be: feature, positive, negative, neutral (tab-separated)")
                }
                headerSeen = true
                continue
            }
            guard cols.count == 4 else { throw err("expected 4 tab-separated columns, got \(cols.count)") }
            var w = SIMD4<Double>(0, 0, 0, 0)
            for k in 0..<3 {
                guard let v = Double(cols[k + 1]), v.isFinite || (cols[0] == "(margins)" && v == .infinity) else {
                    throw err("'\(cols[k + 1])' is not a number")
                }
                w[k] = v
            }
            let key = String(cols[0])
            switch key {
            case "(bias)": model.bias = w
            case "(domain-offset)": model.domainOffset = w
            case "(general-offset)": model.generalOffset = w
            case "(margins)": (model.polarMargin, model.flipMargin, model.neutralMargin) = (w[0], w[1], w[2])
            case "": throw err("empty feature name")
            default:
                let known: SIMD4<Double>?
                switch SentimentFeature(name: key) {
                case .word(let l): known = model.words.updateValue(w, forKey: l)
                case .negated(let l): known = model.negated.updateValue(w, forKey: l)
                case .other(let s): known = model.others.updateValue(w, forKey: s)
                }
                guard known == nil else { throw err("feature '\(key)' appears twice") }
                model.featureCount += 1
            }
        }
        guard headerSeen else { throw SentimentModelError(file: file, line: 0, message: "no header line") }
        return model
    }
}
