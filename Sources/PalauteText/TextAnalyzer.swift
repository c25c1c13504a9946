import Foundation

/// Turns a response text into analysed tokens: language, normalised forms, Voikko readings in a deterministic
/// order, sentences and clauses, negation, and the redacted text.
///
/// One analyzer per worker: it owns a Voikko handle and caches by surface form, so it is not `Sendable`.
/// Rules are documented in docs/text-analysis.md.
public final class TextAnalyzer {
    public let voikko: Voikko
    public let normalizer: Normalizer
    public let redactor: Redactor
    private let tokenizer = Tokenizer()
    private let identifier = LanguageIdentifier()
    private let swedish = LightAnalyzer(language: .sv)
    private let english = LightAnalyzer(language: .en)
    private var evidenceCache: [String: LanguageIdentifier.WordEvidence] = [:]
    private var lightCache: [String: (String, MorphAnalysis)] = [:]

    /// Uses `lexicons/` found by `ResourceLocator`, or the built-in colloquial table when there is none.
    public convenience init() throws {
        try self.init(lexicons: try? ResourceLocator.locate("lexicons"))
    }

    /// - Parameters:
    ///   - lexicons: the folder holding `colloquial.tsv`; nil uses the built-in table. A malformed file throws
    ///     `LexiconError` naming the file and line.
    ///   - suggestionBudget: how many (slow) Voikko spelling-suggestion calls this analyzer may make.
    public init(lexicons: URL?, suggestionBudget: Int = 2_000) throws {
        voikko = try Voikko()
        var table = ColloquialTable.builtIn
        if let lexicons {
            let file = lexicons.appendingPathComponent("colloquial.tsv")
            if FileManager.default.fileExists(atPath: file.path) { table = try ColloquialTable.load(from: file) }
        }
        normalizer = Normalizer(voikko: voikko, colloquial: table, suggestionBudget: suggestionBudget)
        redactor = Redactor(voikko: voikko)
    }

    /// Words that open a new clause ("Lääkäri oli ystävällinen | mutta jouduin odottamaan").
    public static let clauseWords: Set<String> = [
        "mutta", "vaikka", "kuitenkin", "tosin", "koska", "eikä", "enkä", "sillä", "joten",
        "men", "fast", "but", "although", "however", "though",
    ]
    /// Words that open a clause after a comma ("…, että", "…, joka").
    static let commaClauseWords: Set<String> = [
        "että", "kun", "jos", "jotta", "kunnes", "ettei", "jottei", "ellei", "joka", "jonka", "jota", "jossa",
        "josta", "johon", "jolla", "jolta", "jolle", "jotka", "joita", "joiden", "mikä", "mitä", "minkä", "missä",
        "ja", "sekä", "tai", "eli", "att", "som", "och", "eller", "and", "which", "who", "that", "so",
    ]
    /// Abbreviations whose dot does not end a sentence.
    static let abbreviations: Set<String> = [
        "esim", "mm", "klo", "tri", "ns", "jne", "yms", "ym", "ks", "vrt", "n", "s", "puh", "p", "os", "tms", "ko",
        "dr", "prof", "vk", "h", "min", "kk", "v", "ma", "ti", "ke", "to", "pe", "la", "su", "nro", "no", "t", "ts",
        "eli", "mr", "mrs", "ms", "st", "etc", "e.g", "i.e", "bl.a", "t.ex", "ca", "n.k",
    ]

    public func analyze(_ text: String) -> AnalyzedText {
        let scalars = Array(text.unicodeScalars)
        let scan = tokenizer.scan(scalars)
        let tokens = scan.tokens
        // 1. Finnish resolution of every word (cached), and the language evidence it gives.
        var resolutions: [Normalizer.Resolution?] = []
        resolutions.reserveCapacity(tokens.count)
        var evidence: [LanguageIdentifier.WordEvidence] = []
        for t in tokens {
            guard t.kind == .word else {
                resolutions.append(nil)
                continue
            }
            let r = normalizer.resolve(t.text)
            resolutions.append(r)
            if let e = evidenceCache[t.text] {
                evidence.append(e)
            } else {
                let e = identifier.evidence(lowercased: t.text.lowercased(), finnish: Self.countsAsFinnish(r))
                evidenceCache[t.text] = e
                evidence.append(e)
            }
        }
        let language = identifier.identify(evidence)
        // 2. Tokens with readings.
        var out: [AnalyzedToken] = []
        out.reserveCapacity(tokens.count)
        for (i, t) in tokens.enumerated() {
            guard let r = resolutions[i] else {
                out.append(AnalyzedToken(token: t, normalized: Self.fold(t), analyses: [], sentence: 0, clause: 0))
                continue
            }
            if language == .fi {
                out.append(AnalyzedToken(token: t, normalized: r.normalized, analyses: r.analyses, sentence: 0, clause: 0))
            } else {
                let (norm, reading) = light(t.text, language)
                out.append(AnalyzedToken(token: t, normalized: norm, analyses: [reading], sentence: 0, clause: 0))
            }
        }
        segment(&out, lineBreakBefore: scan.lineBreakBefore)
        if language == .fi {
            disambiguate(&out)
            markNegation(&out)
        } else {
            markLightNegation(&out)
        }
        let redaction = redactor.redact(text: text, scalars: scalars, tokens: out)
        return AnalyzedText(text: text, language: language, tokens: out, redaction: redaction)
    }

    /// Cache statistics for the benchmark: Voikko look-ups served from the cache and made.
    public var cacheCounts: (hits: Int, misses: Int) { (voikko.cacheHits, voikko.cacheMisses) }

    static func countsAsFinnish(_ r: Normalizer.Resolution) -> Bool {
        if r.source == .colloquial { return true }
        guard r.source != .unknown, r.source != .suggestion else { return false }
        // Single letters and abbreviations ("I", "a", "it" are Finnish abbreviations to Voikko) are no evidence.
        return r.analyses.contains { $0.voikkoClass != "lyhenne" } && r.normalized.unicodeScalars.count > 1
    }

    static func fold(_ t: Token) -> String {
        t.kind == .emoji ? t.text : t.text.lowercased()
    }

    private func light(_ surface: String, _ language: Language) -> (String, MorphAnalysis) {
        let key = language.rawValue + "\u{1}" + surface
        if let hit = lightCache[key] { return hit }
        let lower = surface.lowercased()
        let norm = Normalizer.squeezeVariants(lower)?.first ?? lower
        let reading = (language == .sv ? swedish : english).analyze(lowercased: norm)
        lightCache[key] = (norm, reading)
        return (norm, reading)
    }
}
