import CVoikko

/// Why Voikko could not be opened.
public struct VoikkoError: Error, CustomStringConvertible {
    public var message: String
    public var description: String {
        "libvoikko could not be opened: \(message) (install the Debian packages libvoikko1 and voikko-fi)"
    }
}

/// One libvoikko handle with its own cache of analyses by surface form.
///
/// libvoikko handles are not thread-safe, so each worker owns one; the class is deliberately not `Sendable`.
public final class Voikko {
    private let handle: OpaquePointer
    private var cache: [String: [MorphAnalysis]] = [:]
    public private(set) var cacheHits = 0
    public private(set) var cacheMisses = 0

    public init(language: String = "fi") throws {
        var error: UnsafePointer<CChar>?
        guard let h = voikkoInit(&error, language, nil) else {
            throw VoikkoError(message: error.map { String(cString: $0) } ?? "unknown error")
        }
        handle = h
        // Voikko's own tokenizer is not used; it should not treat dots as part of words.
        voikkoSetBooleanOption(handle, 0 /* VOIKKO_OPT_IGNORE_DOT */, 1)
    }

    deinit {
        voikkoTerminate(handle)
    }

    /// All readings of a word form, cached by exact surface form.
    public func analyze(_ word: String) -> [MorphAnalysis] {
        if let cached = cache[word] {
            cacheHits += 1
            return cached
        }
        cacheMisses += 1
        let result = neededAttributes(word).map(MorphAnalysis.init(voikko:))
        cache[word] = result
        return result
    }

    /// Attributes `MorphAnalysis` reads; fetching only these skips STRUCTURE and the others Voikko builds on demand.
    static let neededKeys = [
        "BASEFORM", "CLASS", "SIJAMUOTO", "MOOD", "PERSON", "NUMBER", "NEGATIVE", "COMPARISON", "FOCUS",
        "KYSYMYSLIITE", "PARTICIPLE", "TENSE", "WORDBASES", "FSTOUTPUT",
    ]

    private func neededAttributes(_ word: String) -> [[String: String]] {
        guard let list = voikkoAnalyzeWordCstr(handle, word) else { return [] }
        defer { voikko_free_mor_analysis(list) }
        var out: [[String: String]] = []
        var i = 0
        while let analysis = list[i] {
            var attributes: [String: String] = Dictionary(minimumCapacity: 16)
            for key in Self.neededKeys {
                if let value = voikko_mor_analysis_value_cstr(analysis, key) {
                    attributes[key] = String(cString: value)
                    voikko_free_mor_analysis_value_cstr(value)
                }
            }
            out.append(attributes)
            i += 1
        }
        return out
    }

    /// The raw key/value attributes of each reading, for `palaute analyze` and tests.
    public func rawAnalyses(_ word: String) -> [[String: String]] {
        guard let list = voikkoAnalyzeWordCstr(handle, word) else { return [] }
        defer { voikko_free_mor_analysis(list) }
        var out: [[String: String]] = []
        var i = 0
        while let analysis = list[i] {
            var attributes: [String: String] = [:]
            if let keys = voikko_mor_analysis_keys(analysis) {
                var k = 0
                while let key = keys[k] {
                    if let value = voikko_mor_analysis_value_cstr(analysis, key) {
                        attributes[String(cString: key)] = String(cString: value)
                        voikko_free_mor_analysis_value_cstr(value)
                    }
                    k += 1
                }
            }
            out.append(attributes)
            i += 1
        }
        return out
    }

    /// Spelling suggestions; slow (milliseconds), so callers must cache and bound them.
    public func suggest(_ word: String) -> [String] {
        guard let list = voikkoSuggestCstr(handle, word) else { return [] }
        defer { voikkoFreeCstrArray(list) }
        var out: [String] = []
        var i = 0
        while let s = list[i] {
            out.append(String(cString: s))
            i += 1
        }
        return out
    }

    /// Whether Voikko accepts the word as correctly spelled.
    public func spell(_ word: String) -> Bool {
        voikkoSpellCstr(handle, word) == 1 /* VOIKKO_SPELL_OK */
    }
}

extension MorphAnalysis {
    /// Maps Voikko's attribute names and Finnish values to the enums above.
    init(voikko a: [String: String]) {
        let cls: WordClass = switch a["CLASS"] {
        case "nimisana": .noun
        case "laatusana", "nimisana_laatusana": .adjective
        case "teonsana": .verb
        case "seikkasana": .adverb
        case "asemosana": .pronoun
        case "lukusana", "järjestysluku": .numeral
        case "sidesana": .conjunction
        case "huudahdussana": .interjection
        case "kieltosana": .negationVerb
        case "etunimi": .firstName
        case "sukunimi": .lastName
        case "paikannimi": .placeName
        case "nimi": .properName
        default: .other
        }
        let gcase: GrammaticalCase? = a["SIJAMUOTO"].map {
            switch $0 {
            case "nimento": .nominative
            case "omanto": .genitive
            case "osanto": .partitive
            case "olento": .essive
            case "tulento": .translative
            case "sisaolento": .inessive
            case "sisaeronto": .elative
            case "sisatulento": .illative
            case "ulkoolento": .adessive
            case "ulkoeronto": .ablative
            case "ulkotulento": .allative
            case "vajanto": .abessive
            case "seuranto": .comitative
            case "keinonto": .instructive
            case "kohdanto": .accusative
            default: .other
            }
        }
        let mood: Mood? = a["MOOD"].map {
            switch $0 {
            case "indicative": .indicative
            case "conditional": .conditional
            case "imperative": .imperative
            case "potential": .potential
            default: $0.utf8Contains("infinitive") ? .infinitive : .other
            }
        }
        let comparison: Comparison? = a["COMPARISON"].flatMap { Comparison(rawValue: $0) }
        var clitics: [String] = []
        if let focus = a["FOCUS"] { clitics.append(focus) }
        // Voikko folds -han/-hän into the ending ("[Ny]ihan" in FSTOUTPUT) without a FOCUS attribute.
        let fst = a["FSTOUTPUT"] ?? ""
        if a["FOCUS"] == nil, Self.endsWithHanClitic(fst) { clitics.append("han") }
        if a["KYSYMYSLIITE"] == "true" { clitics.append("ko") }
        self.init(
            lemma: a["BASEFORM"] ?? "",
            wordClass: cls,
            parts: Self.parseWordBases(a["WORDBASES"] ?? ""),
            grammaticalCase: gcase,
            mood: mood,
            person: a["PERSON"].flatMap { Int($0) },
            plural: a["NUMBER"] == "plural",
            // Set from context by TextAnalyzer ("ei *ole*"); alone, "ole" is an imperative.
            connegative: false,
            comparison: comparison,
            clitics: clitics,
            participle: a["PARTICIPLE"]
        )
        canBeConnegative = a["NEGATIVE"] == "true" || a["NEGATIVE"] == "both" || a["PARTICIPLE"] == "past_active"
        if a["PARTICIPLE"] != nil { verbLemma = Self.fstLemma(fst, tag: "[Lt]") }
        tense = a["TENSE"]
        voikkoClass = a["CLASS"]
    }

    /// The lemma after a class tag in FSTOUTPUT: "[Lt][Xp]saada[X]saa…" → "saada".
    static func fstLemma(_ fst: String, tag: String) -> String? {
        guard let t = fst.utf8Range(of: tag + "[Xp]") else { return nil }
        let rest = fst[t.upperBound...]
        guard let end = rest.utf8Range(of: "[X]") else { return nil }
        return String(rest[..<end.lowerBound])
    }

    /// Whether the last morpheme text in FSTOUTPUT ends in a -han/-hän clitic ("…[Ny]ihan[Ef]", "…[Tt]…nhan[Ef]").
    static func endsWithHanClitic(_ fst: String) -> Bool {
        var s = Substring(fst)
        while s.hasSuffix("]"), let open = s.lastIndex(of: "[") { s = s[..<open] }
        guard let close = s.lastIndex(of: "]") else { return false }
        let tail = s[s.index(after: close)...]
        guard tail.hasSuffix("han") || tail.hasSuffix("hän") else { return false }
        // "[X]ihan": the letters are the stem itself (the adverb "ihan"), not an ending.
        let before = s[..<s.index(after: close)]
        return !before.hasSuffix("[X]")
    }

    /// "+ajan(aika)+vara(varata)+us(+us)+järjestelmä(järjestelmä)" → ["aika", "varata", "us", "järjestelmä"].
    static func parseWordBases(_ s: String) -> [String] {
        var parts: [String] = []
        var depth = 0
        var current = ""
        for ch in s {
            switch ch {
            case "(":
                depth += 1
                current = ""
            case ")":
                depth -= 1
                let base = current.hasPrefix("+") ? String(current.dropFirst()) : current
                if !base.isEmpty { parts.append(base) }
                current = ""
            default:
                if depth > 0 { current.append(ch) }
            }
        }
        return parts
    }
}
