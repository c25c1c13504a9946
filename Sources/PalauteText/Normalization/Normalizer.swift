/// How SMS-style Finnish becomes a form Voikko and the lexicons know: case folding, elongation, the colloquial
/// table, spoken endings, missing diacritics and, last, Voikko's spelling suggestions.
///
/// Holds a Voikko handle and caches by surface form, so it is per worker like `Voikko` (not `Sendable`).
public final class Normalizer {
    /// What a surface form resolved to.
    public struct Resolution: Sendable, Hashable {
        /// The form the lexicons are looked up by.
        public var normalized: String
        /// Voikko's readings of the recognised form (empty when nothing was recognised).
        public var analyses: [MorphAnalysis]
        /// How the form was found.
        public var source: Source
        /// The suggestion step was skipped only because the budget was spent: another worker with budget left
        /// could resolve the same form differently, so such a result is not shared.
        var skippedForBudget = false
    }

    /// Which step recognised the word; `palaute analyze` shows it.
    public enum Source: String, Sendable, Hashable {
        case surface, colloquial, elongation, spoken, hyphen, diacritics, compound, suggestion, unknown
    }

    public let voikko: Voikko
    public let colloquial: ColloquialTable
    /// Voikko suggestions cost milliseconds each: at most this many suggestion calls over the normalizer's life.
    public var suggestionBudget: Int
    public private(set) var suggestionsUsed = 0
    /// Distinct surface forms resolved, by the step that recognised them (for the benchmark and debugging).
    public private(set) var formsBySource: [Source: Int] = [:]
    private var cache: [String: Resolution] = [:]
    /// Set by `ParallelAnalysis` (and the benchmark) so workers of one run analyse each form once.
    public var shared: SharedResolutions?

    /// Enough for the few misspellings of a night's answers; a long tail of slang and foreign words would
    /// otherwise cost seconds (one suggestion call takes 4–10 ms).
    public static let defaultSuggestionBudget = 500

    public init(voikko: Voikko, colloquial: ColloquialTable, suggestionBudget: Int = defaultSuggestionBudget) {
        self.voikko = voikko
        self.colloquial = colloquial
        self.suggestionBudget = suggestionBudget
    }

    /// Resolves a word token's surface form (cached by exact surface).
    public func resolve(_ surface: String) -> Resolution {
        if let hit = cache[surface] { return hit }
        let key = shared.map { _ in ByteKey(surface) }
        if let shared, let key, let hit = shared.get(key) {
            cache[surface] = hit
            return hit
        }
        var r = compute(surface)
        formsBySource[r.source, default: 0] += 1
        // Context-free part of the ambiguity rule, done once per surface: fewer compound parts first
        // (a lexicalised word before an over-segmented reading); Voikko's order breaks ties.
        if r.analyses.count > 1 {
            r.analyses = r.analyses.enumerated()
                .sorted { ($0.element.parts.count, $0.offset) < ($1.element.parts.count, $1.offset) }
                .map(\.element)
        }
        cache[surface] = r
        if let shared, let key { shared.put(key, r) }
        return r
    }

    private func compute(_ surface: String) -> Resolution {
        let lower = surface.lowercased()
        if let std = colloquial.standard(for: lower) {
            return Resolution(normalized: std, analyses: voikko.analyze(std), source: .colloquial)
        }
        let direct = voikko.analyze(surface)
        if !direct.isEmpty { return Resolution(normalized: lower, analyses: direct, source: .surface) }
        if lower != surface {
            let a = voikko.analyze(lower)
            if !a.isEmpty { return Resolution(normalized: lower, analyses: a, source: .surface) }
        }
        // "kiitoooos", "superiii": runs of three or more letters squeezed to two, then to one.
        var base = lower
        if let variants = Self.squeezeVariants(lower) {
            for v in variants {
                if let std = colloquial.standard(for: v) {
                    return Resolution(normalized: std, analyses: voikko.analyze(std), source: .colloquial)
                }
                let a = voikko.analyze(v)
                if !a.isEmpty { return Resolution(normalized: v, analyses: a, source: .elongation) }
            }
            base = variants.last ?? lower
        }
        // "ajanvaraus-järjestelmä": join, or read the head and keep the parts.
        if base.utf8.contains(UInt8(ascii: "-")) {
            if let r = resolveHyphenated(base) { return r }
        }
        // "HUS:n", "EU:ssa": the abbreviation before the colon.
        if let colon = base.firstIndex(of: ":") {
            let stem = String(base[..<colon])
            let a = voikko.analyze(stem)
            return Resolution(normalized: stem, analyses: a, source: a.isEmpty ? .unknown : .surface)
        }
        for v in Self.spokenVariants(base) {
            let a = voikko.analyze(v)
            if !a.isEmpty { return Resolution(normalized: v, analyses: a, source: .spoken) }
        }
        for v in Self.diacriticVariants(base) {
            let a = voikko.analyze(v)
            if !a.isEmpty { return Resolution(normalized: v, analyses: a, source: .diacritics) }
        }
        if let r = resolveCompound(base) { return r }
        let budgetSpentBefore = suggestionsUsed >= suggestionBudget
        if let s = suggestion(for: base) {
            return Resolution(normalized: s, analyses: voikko.analyze(s), source: .suggestion)
        }
        var unknown = Resolution(normalized: base, analyses: [], source: .unknown)
        unknown.skippedForBudget = budgetSpentBefore && Self.wantsSuggestion(base)
        return unknown
    }

    private func resolveHyphenated(_ w: String) -> Resolution? {
        let joined = w.replacingOccurrences(of: "-", with: "")
        let a = voikko.analyze(joined)
        if !a.isEmpty { return Resolution(normalized: w, analyses: a, source: .hyphen) }
        let pieces = w.split(separator: "-").map(String.init)
        guard pieces.count >= 2, let head = pieces.last, !head.isEmpty else { return nil }
        let headReadings = voikko.analyze(head)
        guard !headReadings.isEmpty else { return nil }
        let prefix = pieces.dropLast().joined(separator: "-")
        let modifierParts = pieces.dropLast().flatMap { p -> [String] in
            let r = voikko.analyze(p).first
            return r.map { $0.parts.isEmpty ? [$0.lemma.lowercased()] : $0.parts } ?? [p]
        }
        let readings = headReadings.map { h -> MorphAnalysis in
            var m = h
            m.lemma = prefix + "-" + h.lemma.lowercased()
            m.parts = modifierParts + (h.parts.isEmpty ? [h.lemma.lowercased()] : h.parts)
            return m
        }
        return Resolution(normalized: w, analyses: readings, source: .hyphen)
    }

    /// New compounds Voikko's lexicon lacks ("takaisinsoittomahdollisuutta"): the longest known head whose
    /// modifier is itself a known word (or the modifier and the rest of the word split again, once). Only for
    /// plain Finnish-looking words of at least ten letters.
    private func resolveCompound(_ w: String) -> Resolution? {
        let s = Array(w.unicodeScalars)
        guard s.count >= 10, s.count <= 40, s.allSatisfy({ Tokenizer.isLetter($0) && !$0.properties.isUppercase }),
              !s.contains(where: { "bcfqwxzå".unicodeScalars.contains($0) }) else { return nil }
        func str(_ a: Int, _ b: Int) -> String { String(String.UnicodeScalarView(s[a..<b])) }
        for cut in 3...(s.count - 4) {
            let head = voikko.analyze(str(cut, s.count))
            guard head.contains(where: { !$0.isProperName && $0.voikkoClass != "lyhenne" }) else { continue }
            let modifier = str(0, cut)
            var modifierParts: [String]?
            // A compound's modifier is a base form ("kivi-") or a genitive ("ajan-"); any other reading of the
            // letters is a coincidence ("takaisin" read as a verb form), so the letters themselves are the part.
            let modifierReadings = voikko.analyze(modifier).filter { !$0.isProperName && $0.voikkoClass != "lyhenne" }
            if !modifierReadings.isEmpty {
                if let m = modifierReadings.first(where: { $0.lemma.lowercased() == modifier })
                    ?? modifierReadings.first(where: { $0.grammaticalCase == .genitive }) {
                    modifierParts = m.parts.isEmpty ? [m.lemma.lowercased()] : m.parts
                } else {
                    modifierParts = [modifier]
                }
            }
            guard let parts = modifierParts else { continue }
            let readings = head.filter { !$0.isProperName }.map { h -> MorphAnalysis in
                var r = h
                r.lemma = modifier + h.lemma.lowercased()
                r.parts = parts + (h.parts.isEmpty ? [h.lemma.lowercased()] : h.parts)
                return r
            }
            return Resolution(normalized: w, analyses: readings, source: .compound)
        }
        return nil
    }

    /// Only lower-case Finnish-looking words of 7–24 letters: suggestions for foreign words and names are wasted
    /// milliseconds.
    static func wantsSuggestion(_ w: String) -> Bool {
        let n = w.unicodeScalars.count
        return n >= 7 && n <= 24 && w.unicodeScalars.allSatisfy({ Tokenizer.isLetter($0) && !$0.properties.isUppercase })
            && !w.unicodeScalars.contains(where: { "bcfqwxzå".unicodeScalars.contains($0) })
    }

    private func suggestion(for w: String) -> String? {
        let n = w.unicodeScalars.count
        guard suggestionsUsed < suggestionBudget, Self.wantsSuggestion(w) else { return nil }
        suggestionsUsed += 1
        // Words under seven letters get none: a changed letter makes another word too often ("hetu" → "heru").
        // Seven letters: one substituted letter only; an added or dropped letter turns loanwords into
        // other words ("maili" → "maila"). Longer words: up to two edits.
        let short = n <= 7
        let limit = short ? 1 : 2
        let candidates = voikko.suggest(w).prefix(5).map { $0.lowercased() }.filter { !$0.utf8.contains(UInt8(ascii: " ")) }
        // The commonest Finnish misspellings are consonant gradation and length ("kaatuin" for "kaaduin",
        // "lähdettin" for "lähdettiin"); Voikko ranks such a correction below look-alikes ("kastuin"), so one is
        // taken first when Voikko offers it.
        if let g = candidates.first(where: { Self.isGradationOrLengthSlip($0, w) }) { return g }
        for l in candidates.prefix(3) {
            guard !short || l.unicodeScalars.count == n else { continue }
            if Self.editDistance(l, w, limit: limit) <= limit { return l }
        }
        return nil
    }

    /// One slip of the kind Finnish writers make: a gradation pair swapped (t/d, p/v), a consonant assimilated
    /// to its neighbour (nt/nn, lt/ll, rt/rr, mp/mm), or a letter doubled or undoubled (tt/t, ii/i).
    static func isGradationOrLengthSlip(_ correct: String, _ written: String) -> Bool {
        let a = Array(correct.unicodeScalars), b = Array(written.unicodeScalars)
        if a.count == b.count {
            let diff = a.indices.filter { a[$0] != b[$0] }
            guard diff.count == 1, let i = diff.first else { return false }
            let pair = (String(a[i]), String(b[i]))
            if [("d", "t"), ("t", "d"), ("v", "p"), ("p", "v")].contains(where: { $0 == pair }) { return true }
            // Assimilation: the correct letter repeats a neighbour ("kannattaa" ~ "kantattaa").
            return (i > 0 && a[i - 1] == a[i]) || (i + 1 < a.count && a[i + 1] == a[i])
        }
        let (long, short) = a.count > b.count ? (a, b) : (b, a)
        guard long.count == short.count + 1 else { return false }
        var i = 0
        while i < short.count, long[i] == short[i] { i += 1 }
        guard Array(long[(i + 1)...]) == Array(short[i...]) else { return false }
        // The extra letter doubles its neighbour.
        return (i > 0 && long[i - 1] == long[i]) || (i + 1 < long.count && long[i + 1] == long[i])
    }

    // MARK: - Variant generation (pure functions, tested directly)

    /// Letters repeated three or more times, squeezed to two and then to one; nil when there are none.
    static func squeezeVariants(_ w: String) -> [String]? {
        let s = Array(w.unicodeScalars)
        var runs: [(Int, Int)] = []
        var i = 0
        while i < s.count {
            var j = i + 1
            while j < s.count, s[j] == s[i] { j += 1 }
            if j - i >= 3, Tokenizer.isLetter(s[i]) { runs.append((i, j)) }
            i = j
        }
        guard !runs.isEmpty else { return nil }
        func build(_ keep: Int) -> String {
            var out = String.UnicodeScalarView()
            var k = 0
            var r = 0
            while k < s.count {
                if r < runs.count, k == runs[r].0 {
                    for _ in 0..<keep { out.append(s[k]) }
                    k = runs[r].1
                    r += 1
                } else {
                    out.append(s[k])
                    k += 1
                }
            }
            return String(out)
        }
        return [build(2), build(1)]
    }

    /// Spoken endings and dialect doubling: "ollu" → "ollut", "mennää" → "mennään", "kauhee" → "kauhea",
    /// "huonoo" → "huonoa", "hyvvee" → "hyvää".
    static func spokenVariants(_ w: String) -> [String] {
        var out: [String] = []
        let s = Array(w.unicodeScalars)
        guard s.count >= 3 else { return out }
        let last = s[s.count - 1].value, prev = s[s.count - 2].value
        func add(_ x: String) { if x != w, !out.contains(x) { out.append(x) } }
        // Dropped final -t of past participles: "ollu", "päässy", "tarvinnu".
        if last == 0x75 || last == 0x79 { add(w + "t") }
        // Dropped final -n: "mennää", "mitää", "tehtii".
        if last == prev, "aäi".unicodeScalars.contains(where: { $0.value == last }) { add(w + "n") }
        // Long vowels for -ea/-eä/-oa/-ua/-yä: "kauhee", "huonoo", "nopeet".
        var core = w
        var tail = ""
        if last == 0x74, prev == 0x65 || prev == 0x6F { core = String(w.dropLast()); tail = "t" }
        let cs = Array(core.unicodeScalars)
        if cs.count >= 3, cs[cs.count - 1] == cs[cs.count - 2] {
            let stem = String(String.UnicodeScalarView(cs.dropLast(2)))
            switch cs[cs.count - 1] {
            case "e":
                for r in ["ea", "eä", "ää", "aa"] { add(stem + r + tail) }
            case "o": add(stem + "oa" + tail)
            case "u": add(stem + "ua" + tail)
            case "y": add(stem + "yä" + tail)
            case "i": add(stem + "ia" + tail); add(stem + "iä" + tail)
            default: break
            }
        }
        // Spoken case endings: partitive plural "parkkipaikkoi" → "-oja", "kyssärei" → "-eitä"; inessive and
        // elative without their vowel: "netis" → "netissä", "labrast" → "labrasta".
        if s.count >= 5 {
            if w.hasSuffix("oi") { add(String(w.dropLast()) + "ja") }
            if w.hasSuffix("öi") { add(String(w.dropLast()) + "jä") }
            if w.hasSuffix("ei") { add(w + "ta"); add(w + "tä") }
            let vowels = "aeiouyäö".unicodeScalars
            if last == 0x73, vowels.contains(s[s.count - 2]) { add(w + "sa"); add(w + "sä") }
            if w.hasSuffix("st"), vowels.contains(s[s.count - 3]) { add(w + "a"); add(w + "ä") }
        }
        // Adverbs in -sti on a spoken stem: "hirveesti" → "hirveästi", "nopeesti" → "nopeasti".
        if w.hasSuffix("sti"), s.count >= 7 {
            for v in spokenVariants(String(w.dropLast(3))) { add(v + "sti") }
        }
        // Dialect doubled consonants ("hyvvee", "mennöö"): undouble each pair, then apply the vowel rules.
        var i = 1
        while i < s.count - 1 {
            if s[i] == s[i - 1], !"aeiouyäö".unicodeScalars.contains(s[i]), Tokenizer.isLetter(s[i]) {
                var t = s
                t.remove(at: i)
                let single = String(String.UnicodeScalarView(t))
                add(single)
                for v in spokenVariants(single) where !single.isEmpty { add(v) }
                break
            }
            i += 1
        }
        return out
    }

    /// Missing diacritics: "laakari" → "lääkäri", "hyva" → "hyvä". All front vowels first (vowel harmony makes
    /// it the likely reading), then every mix when there are at most three a/o letters (compounds can mix).
    /// Only for plain lower-case ASCII words without letters Finnish words do not use (b, c, f, q, w, x, z):
    /// a writer who typed one "ä" or "ö" has a keyboard that has them.
    static func diacriticVariants(_ w: String) -> [String] {
        guard looksLikeFinnishWithoutDiacritics(w) else { return [] }
        let s = Array(w.unicodeScalars)
        let positions = s.indices.filter { s[$0] == "a" || s[$0] == "o" }
        guard !positions.isEmpty else { return [] }
        func swap(_ mask: Int) -> String {
            var t = s
            for (bit, p) in positions.enumerated() where mask & (1 << bit) != 0 {
                t[p] = t[p] == "a" ? "ä" : "ö"
            }
            return String(String.UnicodeScalarView(t))
        }
        let all = (1 << positions.count) - 1
        var out = [swap(all)]
        if positions.count <= 3 {
            // Fewer changes first: the closest word to what was typed.
            let masks = (1..<all).sorted { ($0.nonzeroBitCount, $0) < ($1.nonzeroBitCount, $1) }
            out += masks.map(swap)
        }
        return out
    }

    static func looksLikeFinnishWithoutDiacritics(_ w: String) -> Bool {
        var n = 0
        for u in w.utf8 {
            guard u >= 0x61, u <= 0x7A else { return false }  // a–z only
            switch u {
            case 0x62, 0x63, 0x66, 0x71, 0x77, 0x78, 0x7A: return false  // b c f q w x z
            default: n += 1
            }
        }
        return n >= 3 && n <= 24
    }

    /// Levenshtein distance, giving up (returning limit + 1) as soon as it must exceed `limit`.
    static func editDistance(_ a: String, _ b: String, limit: Int) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if abs(x.count - y.count) > limit { return limit + 1 }
        if x.isEmpty || y.isEmpty { return max(x.count, y.count) }
        var row = Array(0...y.count)
        for i in 1...x.count {
            var prev = row[0]
            row[0] = i
            var best = row[0]
            for j in 1...y.count {
                let cur = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, prev + (x[i - 1] == y[j - 1] ? 0 : 1))
                prev = cur
                best = min(best, row[j])
            }
            if best > limit { return limit + 1 }
        }
        return row[y.count]
    }
}
