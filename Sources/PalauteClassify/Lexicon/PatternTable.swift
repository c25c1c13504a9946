/// Every single-word pattern of one lexicon, numbered, so that a word form's matches can be computed once
/// (and cached per form) and the rules' scans over idioms, cues and exclusions test bits instead of comparing
/// strings for every pattern and token.
///
/// Exact and surface patterns are found by dictionary look-up of the form's lemmas and written form; only
/// prefix, suffix and contains patterns are tested one by one, with the same `textMatches` the rules used.
struct PatternTable: Sendable {
    /// Tells tables apart so that a bit set is never read against another lexicon's numbering.
    let id: UInt32
    private(set) var patterns: [TokenPattern] = []
    private var slots: [Key: Int32] = [:]
    private var exact: [String: [Int32]] = [:]
    private var surface: [String: [Int32]] = [:]
    private var partial: [Int32] = []

    private struct Key: Hashable {
        var mode: TokenPattern.Mode
        var value: String
    }

    init() {
        id = UInt32.random(in: 1...UInt32.max)
    }

    /// Numbers a pattern (the same mode and value share one number; negation is the rule's business).
    mutating func register(_ p: inout TokenPattern) {
        let key = Key(mode: p.mode, value: p.value)
        let slot: Int32
        if let s = slots[key] {
            slot = s
        } else {
            slot = Int32(patterns.count)
            slots[key] = slot
            var plain = p
            plain.negated = false
            patterns.append(plain)
            switch p.mode {
            case .exact: exact[p.value, default: []].append(slot)
            case .surface: surface[p.value, default: []].append(slot)
            case .prefix, .suffix, .contains: partial.append(slot)
            }
        }
        p.slot = slot
        p.table = id
    }

    mutating func register(_ p: inout TokenPattern?) {
        guard var q = p else { return }
        register(&q)
        p = q
    }

    mutating func register(_ p: inout PhrasePattern) {
        for i in p.elements.indices { register(&p.elements[i]) }
    }

    mutating func register(_ p: inout PhrasePattern?) {
        guard var q = p else { return }
        register(&q)
        p = q
    }

    /// Which numbered patterns the forms match: exactly what `textMatches` answers for each of them.
    func matches(_ forms: TokenForms) -> PatternMatches {
        var bits = [UInt64](repeating: 0, count: (patterns.count + 63) / 64)
        func set(_ s: Int32) { bits[Int(s) >> 6] |= 1 << UInt64(s & 63) }
        for l in forms.lemmas { exact[l]?.forEach(set) }
        exact[forms.surface]?.forEach(set)
        surface[forms.surface]?.forEach(set)
        for s in partial where patterns[Int(s)].textMatches(forms) { set(s) }
        return PatternMatches(table: id, bits: bits)
    }
}

/// The numbered patterns of one `PatternTable` that a word form matches.
struct PatternMatches: Sendable {
    var table: UInt32
    var bits: [UInt64]

    func contains(_ slot: Int32) -> Bool {
        bits[Int(slot) >> 6] & (1 << UInt64(slot & 63)) != 0
    }
}
