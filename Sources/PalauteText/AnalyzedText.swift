/// A token with its morphological readings and its place in the clause structure.
public struct AnalyzedToken: Sendable, Hashable {
    public var token: Token
    /// Lower-cased, de-elongated, colloquial-mapped form used for lexicon look-up.
    public var normalized: String
    /// Every reading Voikko gave (possibly of the normalized or suggested form); the first is the chosen one.
    public var analyses: [MorphAnalysis]
    /// Index of the sentence the token belongs to.
    public var sentence: Int
    /// Index of the clause the token belongs to (clauses are numbered across the whole text).
    public var clause: Int
    /// For a connegative verb ("en *saanut*"): the index of the negation verb that governs it.
    public var negatedBy: Int?
    /// Which normalisation step recognised a Finnish word (colloquial table, diacritics, suggestion…); nil for
    /// other tokens and for Swedish and English words.
    public var normalizedBy: Normalizer.Source?

    public init(token: Token, normalized: String, analyses: [MorphAnalysis], sentence: Int, clause: Int) {
        self.token = token
        self.normalized = normalized
        self.analyses = analyses
        self.sentence = sentence
        self.clause = clause
    }

    /// The chosen reading (deterministic: see `TextAnalyzer`).
    public var best: MorphAnalysis? { analyses.first }

    /// The chosen lemma, or the normalized surface form when the word is unknown.
    public var lemma: String { best?.lemma.lowercased() ?? normalized }

    /// Whether the chosen reading is a negation verb (en, et, ei, emme, ette, eivät, eikä, enkä, ettei, älä…;
    /// "inte", "not" in Swedish and English).
    public var isNegationVerb: Bool { best?.wordClass == .negationVerb }

    /// Short marks of the chosen reading for debugging output: NEG, CONNEG, COND, IMPV, POT, case, comparison,
    /// clitics, person.
    public var marks: [String] {
        guard let b = best else { return [] }
        var m: [String] = []
        if b.wordClass == .negationVerb { m.append("NEG") }
        if b.connegative { m.append("CONNEG") }
        switch b.mood {
        case .conditional: m.append("COND")
        case .imperative: m.append("IMPV")
        case .potential: m.append("POT")
        default: break
        }
        if let c = b.grammaticalCase, c != .nominative { m.append(c.rawValue.uppercased()) }
        if let c = b.comparison, c != .positive { m.append(c.rawValue.uppercased()) }
        for c in b.clitics { m.append("-" + c) }
        if let p = b.person { m.append("P\(p)" + (b.plural ? "PL" : "SG")) }
        if b.isProperName { m.append("NAME") }
        return m
    }
}

/// The result of analysing one response text.
public struct AnalyzedText: Sendable {
    public var text: String
    public var language: Language
    public var tokens: [AnalyzedToken]
    /// The text with personal data replaced by typed placeholders: the only form that may leave the machine.
    public var redaction: Redaction
    /// Tokens of sentences that instruct a machine ("ignore previous instructions…"): not feedback, so the
    /// classifier does not read them (convention 10).
    public var instructionTokens: [Int] = []

    public init(text: String, language: Language, tokens: [AnalyzedToken], redaction: Redaction) {
        self.text = text
        self.language = language
        self.tokens = tokens
        self.redaction = redaction
    }

    /// Token indices grouped by clause, in order.
    public var clauses: [[Int]] {
        var out: [[Int]] = []
        for (i, t) in tokens.enumerated() {
            while out.count <= t.clause { out.append([]) }
            out[t.clause].append(i)
        }
        return out.filter { !$0.isEmpty }
    }
}
