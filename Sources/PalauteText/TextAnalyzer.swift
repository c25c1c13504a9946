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
    /// Per surface form: the Finnish resolution, the language evidence and the facts (one look-up per token).
    private var wordCache: [ByteKey: WordEntry] = [:]

    final class WordEntry {
        let resolution: Normalizer.Resolution
        let evidence: LanguageIdentifier.WordEvidence
        let facts: WordFacts

        init(resolution: Normalizer.Resolution, evidence: LanguageIdentifier.WordEvidence, facts: WordFacts) {
            self.resolution = resolution
            self.evidence = evidence
            self.facts = facts
        }
    }

    private func entry(_ surface: String) -> WordEntry {
        let key = ByteKey(surface)
        if let hit = wordCache[key] { return hit }
        let r = normalizer.resolve(surface)
        let e = WordEntry(
            resolution: r,
            evidence: identifier.evidence(lowercased: surface.lowercased(), finnish: Self.countsAsFinnish(r)),
            facts: WordFacts(surface: surface, normalized: r.normalized, readings: r.analyses, voikko: voikko))
        wordCache[key] = e
        return e
    }
    private var lightCache: [ByteKey: (String, MorphAnalysis)] = [:]

    /// Uses `lexicons/` found by `ResourceLocator`, or the built-in colloquial table when there is none.
    public convenience init() throws {
        try self.init(lexicons: try? ResourceLocator.locate("lexicons"))
    }

    /// - Parameters:
    ///   - lexicons: the folder holding `colloquial.tsv`; nil uses the built-in table. A malformed file throws
    ///     `LexiconError` naming the file and line.
    ///   - suggestionBudget: how many (slow) Voikko spelling-suggestion calls this analyzer may make.
    public init(lexicons: URL?, suggestionBudget: Int = Normalizer.defaultSuggestionBudget) throws {
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
        // että/jotta/jos fused with the negation verb always start a subordinate clause, comma or not
        // ("kieli oli niin huonoa etten ymmärtänyt ohjeita").
        "etten", "ettet", "ettei", "ettemme", "ettette", "etteivät", "jotten", "jottet", "jottei", "jottemme",
        "jottette", "jotteivät", "ellen", "ellet", "ellei", "ellemme", "ellette", "elleivät",
    ]
    /// Words that open a clause after a comma ("…, että", "…, joka").
    public static let commaClauseWords: Set<String> = [
        "että", "kun", "jos", "jotta", "kunnes", "joka", "jonka", "jota", "jossa",
        "josta", "johon", "jolla", "jolta", "jolle", "jotka", "joita", "joiden", "mikä", "mitä", "minkä", "missä",
        "ja", "sekä", "tai", "eli", "att", "som", "och", "eller", "and", "which", "who", "that", "so",
    ]
    /// Abbreviations whose dot does not end a sentence.
    public static let abbreviations: Set<String> = [
        "esim", "mm", "klo", "tri", "ns", "jne", "yms", "ym", "ks", "vrt", "n", "s", "puh", "p", "os", "tms", "ko",
        "dr", "prof", "vk", "h", "min", "kk", "v", "ma", "ti", "ke", "to", "pe", "la", "su", "nro", "no", "t", "ts",
        "eli", "mr", "mrs", "ms", "st", "etc", "e.g", "i.e", "bl.a", "t.ex", "ca", "n.k",
    ]

    public func analyze(_ text: String) -> AnalyzedText {
        let source = Tokenizer.Source(text)
        let scalars = source.scalars
        let scan = tokenizer.scan(source)
        let tokens = scan.tokens
        // 1. Finnish resolution of every word (cached by surface), and the language evidence it gives.
        var entries: [WordEntry?] = []
        entries.reserveCapacity(tokens.count)
        var evidence: [LanguageIdentifier.WordEvidence] = []
        for t in tokens {
            guard t.kind == .word else {
                entries.append(nil)
                continue
            }
            let entry = self.entry(t.text)
            entries.append(entry)
            evidence.append(entry.evidence)
        }
        // Sentences that instruct a machine (convention 10) do not vote on the language.
        let instructions = InstructionDetector.mayContain(text)
            ? InstructionDetector.instructionTokens(tokens, lineBreakBefore: scan.lineBreakBefore) : []
        if !instructions.isEmpty {
            let skip = Set(instructions)
            let kept = tokens.indices.filter { tokens[$0].kind == .word && !skip.contains($0) }.compactMap { entries[$0]?.evidence }
            if !kept.isEmpty { evidence = kept }
        }
        let language = identifier.identify(evidence)
        // 2. Tokens with readings.
        var out: [AnalyzedToken] = []
        out.reserveCapacity(tokens.count)
        var facts: [WordFacts?] = []
        facts.reserveCapacity(tokens.count)
        for (i, t) in tokens.enumerated() {
            guard let e = entries[i] else {
                out.append(AnalyzedToken(token: t, normalized: Self.fold(t), analyses: [], sentence: 0, clause: 0))
                facts.append(nil)
                continue
            }
            facts.append(e.facts)
            if language == .fi {
                var a = AnalyzedToken(
                    token: t, normalized: e.resolution.normalized, analyses: e.resolution.analyses, sentence: 0, clause: 0)
                a.normalizedBy = e.resolution.source
                out.append(a)
            } else {
                let (norm, reading) = light(t.text, language)
                out.append(AnalyzedToken(token: t, normalized: norm, analyses: [reading], sentence: 0, clause: 0))
            }
        }
        segment(&out, facts: facts, lineBreakBefore: scan.lineBreakBefore)
        if language == .fi {
            disambiguate(&out, facts: facts)
            markNegation(&out)
        } else {
            markLightNegation(&out)
        }
        let redaction = redactor.redact(text: text, scalars: scalars, tokens: out, facts: facts)
        var analyzed = AnalyzedText(text: text, language: language, tokens: out, redaction: redaction)
        analyzed.instructionTokens = instructions
        return analyzed
    }

    /// Cache statistics for the benchmark: Voikko look-ups served from the cache and made.
    public var cacheCounts: (hits: Int, misses: Int) { (voikko.cacheHits, voikko.cacheMisses) }

    static func countsAsFinnish(_ r: Normalizer.Resolution) -> Bool {
        if r.source == .colloquial { return true }
        guard r.source != .unknown, r.source != .suggestion else { return false }
        // Single letters and abbreviations ("I", "a", "it" are Finnish abbreviations to Voikko) are no evidence.
        // Nor are names: "Will", "Anna", "Maria" belong to no language.
        return r.analyses.contains { $0.voikkoClass != "lyhenne" && !$0.isProperName } && r.normalized.unicodeScalars.count > 1
    }

    static func fold(_ t: Token) -> String {
        switch t.kind {
        case .url, .email: t.text.lowercased()
        default: t.text
        }
    }

    private func light(_ surface: String, _ language: Language) -> (String, MorphAnalysis) {
        let key = ByteKey(language.rawValue + "\u{1}" + surface)
        if let hit = lightCache[key] { return hit }
        let lower = surface.lowercased()
        let norm = Normalizer.squeezeVariants(lower)?.first ?? lower
        let reading = (language == .sv ? swedish : english).analyze(lowercased: norm)
        lightCache[key] = (norm, reading)
        return (norm, reading)
    }
}
