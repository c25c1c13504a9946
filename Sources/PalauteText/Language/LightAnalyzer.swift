/// A light analysis for Swedish and English words: case folding, suffix stripping and negation words, so that the
/// classifier can work on them without a morphological analyser.
public struct LightAnalyzer: Sendable {
    public let language: Language

    public init(language: Language) {
        self.language = language
    }

    /// One reading: a stripped lemma, and the class `.negationVerb` for negation words.
    public func analyze(lowercased w: String) -> MorphAnalysis {
        if isNegation(w) {
            return MorphAnalysis(lemma: language == .sv ? "inte" : "not", wordClass: .negationVerb)
        }
        return MorphAnalysis(lemma: stem(w), wordClass: .other)
    }

    public func isNegation(_ w: String) -> Bool {
        switch language {
        case .sv: Self.swedishNegation.contains(w)
        case .en: Self.englishNegation.contains(w) || w.hasSuffix("n't") || w.hasSuffix("n’t")
        case .fi: false
        }
    }

    static let swedishNegation: Set<String> = ["inte", "ej", "aldrig", "ingen", "inget", "inga", "icke", "varken", "ingenting"]
    static let englishNegation: Set<String> = [
        "not", "never", "no", "nobody", "nothing", "none", "neither", "nor", "cannot", "nowhere", "without",
    ]

    /// Strips the most common inflection suffixes, keeping a stem of at least three letters.
    public func stem(_ w: String) -> String {
        let suffixes: [(String, String)] = switch language {
        case .sv: [
            ("arnas", ""), ("ernas", ""), ("arna", ""), ("erna", ""), ("orna", ""), ("heten", "het"),
            ("ningen", "ning"), ("ande", ""), ("ende", ""), ("aste", ""), ("are", ""), ("ast", ""),
            ("en", ""), ("et", ""), ("ar", ""), ("er", ""), ("or", ""), ("na", ""), ("ade", "a"), ("de", ""),
            ("te", ""), ("a", ""),
        ]
        case .en: [
            ("ies", "y"), ("ied", "y"), ("ing", ""), ("edly", ""), ("ed", ""), ("ly", ""), ("sses", "ss"),
            ("shes", "sh"), ("ches", "ch"), ("xes", "x"), ("'s", ""), ("s", ""),
        ]
        case .fi: []
        }
        for (suffix, replacement) in suffixes where w.hasSuffix(suffix) {
            let stemCount = w.count - suffix.count
            guard stemCount >= 3 else { continue }
            if language == .en, suffix == "s", w.hasSuffix("ss") || w.hasSuffix("us") || w.hasSuffix("is") { continue }
            return String(w.dropLast(suffix.count)) + replacement
        }
        return w
    }
}
