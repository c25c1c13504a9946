/// Every single-word pattern of one lexicon, numbered, so that a word form's matches can be computed once
/// (and cached per form) and the rules' scans over idioms, cues and exclusions test bits instead of comparing
/// strings for every pattern and token.
///
/// Exact and surface patterns are found by dictionary look-up of the form's lemmas and written form. Prefix,
/// suffix and contains patterns are found by walking byte tries over each lemma (suffixes over the reversed
/// bytes), which answers what `textMatches` answers whenever both strings are "plain" (see
/// `TokenPattern.isPlain`); the rare form or pattern with combining marks is tested one by one with
/// `textMatches` itself.
struct PatternTable: Sendable {
    /// Tells tables apart so that a bit set is never read against another lexicon's numbering.
    let id: UInt32
    private(set) var patterns: [TokenPattern] = []
    private var slots: [Key: Int32] = [:]
    private var exact: [String: [Int32]] = [:]
    private var surface: [String: [Int32]] = [:]
    /// Partial patterns whose value is not plain: always tested one by one.
    private var slowPartial: [Int32] = []
    /// Every partial pattern, for forms that are not plain.
    private var partial: [Int32] = []
    private var prefixTrie = ByteTrie()
    private var suffixTrie = ByteTrie()
    private var infixTrie = ByteTrie()

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
            case .prefix, .suffix, .contains:
                partial.append(slot)
                if !TokenPattern.isPlain(p.value.utf8) {
                    slowPartial.append(slot)
                } else if p.mode == .prefix {
                    prefixTrie.insert(p.value.utf8, slot: slot)
                } else if p.mode == .suffix {
                    suffixTrie.insert(p.value.utf8.reversed(), slot: slot)
                } else {
                    infixTrie.insert(p.value.utf8, slot: slot)
                }
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

    /// The empty set of this table's patterns.
    var empty: PatternMatches { PatternMatches(table: id, count: (patterns.count + 63) / 64) }

    /// Which numbered patterns the forms match: exactly what `textMatches` answers for each of them.
    func matches(_ forms: TokenForms) -> PatternMatches {
        var bits = [UInt64](repeating: 0, count: (patterns.count + 63) / 64)
        func set(_ s: Int32) { bits[Int(s) >> 6] |= 1 << UInt64(s & 63) }
        for l in forms.lemmas { exact[l]?.forEach(set) }
        exact[forms.surface]?.forEach(set)
        surface[forms.surface]?.forEach(set)
        // Partial patterns look at the lemmas, or at the written form of a word without any.
        let strings = forms.lemmas.isEmpty ? [forms.surface] : forms.lemmas
        if strings.allSatisfy({ TokenPattern.isPlain($0.utf8) }) {
            for s in strings {
                var s = s
                s.withUTF8 { b in
                    prefixTrie.walk(b, from: 0, step: 1, set)
                    if !b.isEmpty { suffixTrie.walk(b, from: b.count - 1, step: -1, set) }
                    for start in b.indices { infixTrie.walk(b, from: start, step: 1, set) }
                }
            }
            for s in slowPartial where patterns[Int(s)].textMatches(forms) { set(s) }
        } else {
            for s in partial where patterns[Int(s)].textMatches(forms) { set(s) }
        }
        return PatternMatches(table: id, bits: bits)
    }
}

/// A trie over bytes whose nodes carry the pattern slots that end there: walking a string from one position
/// reports every pattern value that starts (or, walked backwards over reversed values, ends) at that position,
/// in one pass and without allocating.
struct ByteTrie: Sendable {
    /// Child node by `node << 8 | byte`.
    private var children: [Int: Int32] = [:]
    /// Slots ending at each node (node 0 is the root).
    private var slots: [[Int32]] = [[]]

    mutating func insert(_ bytes: some Sequence<UInt8>, slot: Int32) {
        var node: Int32 = 0
        for b in bytes {
            let key = Int(node) << 8 | Int(b)
            if let next = children[key] {
                node = next
            } else {
                let next = Int32(slots.count)
                slots.append([])
                children[key] = next
                node = next
            }
        }
        slots[Int(node)].append(slot)
    }

    /// Follows `bytes` from `start` in direction `step` and calls `found` for each slot on the way.
    func walk(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, step: Int, _ found: (Int32) -> Void) {
        guard slots.count > 1 else { return }
        var node: Int32 = 0
        var i = start
        while i >= 0 && i < bytes.count {
            guard let next = children[Int(node) << 8 | Int(bytes[i])] else { return }
            node = next
            for s in slots[Int(node)] { found(s) }
            i += step
        }
    }
}

/// The numbered patterns of one `PatternTable` that a word form matches.
struct PatternMatches: Sendable {
    var table: UInt32
    var bits: [UInt64]

    func contains(_ slot: Int32) -> Bool {
        bits[Int(slot) >> 6] & (1 << UInt64(slot & 63)) != 0
    }

    /// No pattern of `table` (the identity of a union).
    init(table: UInt32, count: Int) {
        self.table = table
        bits = [UInt64](repeating: 0, count: count)
    }

    init(table: UInt32, bits: [UInt64]) {
        self.table = table
        self.bits = bits
    }

    /// Adds the patterns another form of the same table matches (a clause's or sentence's union).
    mutating func formUnion(_ other: PatternMatches) {
        guard other.table == table, other.bits.count == bits.count else { return }
        for k in bits.indices { bits[k] |= other.bits[k] }
    }
}
