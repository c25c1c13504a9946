/// One element of a lexicon pattern, matched against a token's lemmas and its normalized surface form.
///
/// Syntax: `lemma` (exact), `alku*` (starts with), `*loppu` (ends with: a compound head), `*osa*` (contains:
/// any compound part), `=pinta` (the exact written form, lower-cased), `!x` (in a co-occurrence pattern: the
/// sentence must NOT contain x).
public struct TokenPattern: Sendable, Hashable, CustomStringConvertible {
    public enum Mode: Sendable, Hashable { case exact, prefix, suffix, contains, surface }
    public var mode: Mode
    public var value: String
    public var negated: Bool
    /// Where `Lexicon` indexed this pattern (`PatternTable`): lets `matches` test one bit of a word form's
    /// precomputed `PatternMatches` instead of comparing strings. Not part of equality.
    var slot: Int32 = -1
    var table: UInt32 = 0

    public init(mode: Mode, value: String, negated: Bool = false) {
        self.mode = mode
        self.value = value
        self.negated = negated
    }

    /// Parses one element; `nil` for an empty or malformed element.
    public init?(parsing raw: String) {
        var s = Substring(raw.lowercased())
        var negated = false
        if s.hasPrefix("!") {
            negated = true
            s = s.dropFirst()
        }
        var mode = Mode.exact
        if s.hasPrefix("=") {
            mode = .surface
            s = s.dropFirst()
        } else {
            let starts = s.hasPrefix("*"), ends = s.hasSuffix("*") && s.count > 1
            if starts { s = s.dropFirst() }
            if ends { s = s.dropLast() }
            switch (starts, ends) {
            case (true, true): mode = .contains
            case (true, false): mode = .suffix
            case (false, true): mode = .prefix
            default: mode = .exact
            }
        }
        guard !s.isEmpty, !s.contains("*"), !s.contains(" ") else { return nil }
        self.init(mode: mode, value: String(s), negated: negated)
    }

    public func matches(_ forms: TokenForms) -> Bool {
        if slot >= 0, let m = forms.matched, m.table == table { return m.contains(slot) }
        return textMatches(forms)
    }

    /// The string comparison itself; `PatternTable` precomputes it once per word form.
    func textMatches(_ forms: TokenForms) -> Bool {
        switch mode {
        case .surface: return forms.surface == value
        case .exact: return forms.lemmas.contains(value) || forms.surface == value
        // Partial matches look at the written form only when the word has no lemma (unknown words, sv, en):
        // "vähennettiin" must not contain "netti".
        case .prefix: return forms.lemmas.isEmpty ? forms.surface.hasPrefix(value) : forms.lemmas.contains { $0.hasPrefix(value) }
        case .suffix: return forms.lemmas.isEmpty ? forms.surface.hasSuffix(value) : forms.lemmas.contains { $0.hasSuffix(value) }
        case .contains: return forms.lemmas.isEmpty ? Self.contains(forms.surface, value) : forms.lemmas.contains { Self.contains($0, value) }
        }
    }

    /// `haystack.contains(needle)` (Foundation's search, with canonical equivalence), answered by a plain byte
    /// search when both strings hold only scalars below U+0300 other than the soft hyphen: such strings have no
    /// combining marks or other decompositions, so equivalence is equality of bytes. Foundation's search costs
    /// microseconds a call and ran for every contains-pattern and new word form.
    static func contains(_ haystack: String, _ needle: String) -> Bool {
        if let answer = plainContains(haystack.utf8, needle.utf8) { return answer }
        return haystack.contains(needle)
    }

    /// Whether a string holds only scalars below U+0300 other than the soft hyphen: then every scalar is a
    /// character of its own and canonical equivalence is equality of bytes, so byte comparisons answer what
    /// String and Foundation comparisons answer.
    static func isPlain(_ v: String.UTF8View) -> Bool {
        // UTF-8 lead bytes 0xC0–0xCB encode U+0000–U+02FF; U+00AD (soft hyphen) is 0xC2 0xAD; CR joins LF
        // into one character.
        var previous: UInt8 = 0
        for b in v {
            if b >= 0xCC || b == 0x0D || (previous == 0xC2 && b == 0xAD) { return false }
            previous = b
        }
        return true
    }

    /// nil when either string holds a scalar the fast path does not cover.
    static func plainContains(_ h: String.UTF8View, _ n: String.UTF8View) -> Bool? {
        guard isPlain(h), isPlain(n) else { return nil }
        let hay = Array(h), needle = Array(n)
        guard !needle.isEmpty else { return nil }
        guard needle.count <= hay.count else { return false }
        let first = needle[0]
        for start in 0...(hay.count - needle.count) where hay[start] == first {
            var k = 1
            while k < needle.count && hay[start + k] == needle[k] { k += 1 }
            if k == needle.count { return true }
        }
        return false
    }

    public static func == (a: TokenPattern, b: TokenPattern) -> Bool {
        a.mode == b.mode && a.value == b.value && a.negated == b.negated
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(mode)
        hasher.combine(value)
        hasher.combine(negated)
    }

    public var description: String {
        let core: String = switch mode {
        case .exact: value
        case .prefix: value + "*"
        case .suffix: "*" + value
        case .contains: "*" + value + "*"
        case .surface: "=" + value
        }
        return (negated ? "!" : "") + core
    }
}

/// The forms of a token that lexicon patterns look at: every lemma Voikko offered (and the verb behind a
/// participle), and the lower-cased written form.
public struct TokenForms: Sendable, Hashable {
    public var lemmas: [String]
    public var surface: String
    /// The indexed lexicon patterns these forms match, when the classifier has computed them (per word form,
    /// cached); not part of equality.
    var matched: PatternMatches?

    public init(lemmas: [String], surface: String) {
        self.lemmas = lemmas
        self.surface = surface
    }

    public static func == (a: TokenForms, b: TokenForms) -> Bool {
        a.lemmas == b.lemmas && a.surface == b.surface
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(lemmas)
        hasher.combine(surface)
    }
}

/// A multiword pattern: a sequence (`a b c`, in order within one clause, small gaps allowed) or a
/// co-occurrence (`a + b + !c`, anywhere in one sentence).
public struct PhrasePattern: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable { case sequence, cooccurrence }
    public var kind: Kind
    public var elements: [TokenPattern]
    /// A quoted sequence (`"sama päivä"`) is a noun phrase: its words stand together and agree in case, with
    /// only agreeing adjectives between them ("samalle ihanalle lääkärille"). Unquoted sequences allow any two
    /// words between neighbours, which would read "sama juttu joka päivä" or "samana päivänä lääkärille".
    public var tight = false

    public init?(parsing raw: String) {
        var trimmed = raw.trimmingCharacters(in: .whitespaces)
        if trimmed.count > 2, trimmed.hasPrefix("\""), trimmed.hasSuffix("\"") {
            trimmed = String(trimmed.dropFirst().dropLast())
            guard !trimmed.contains("+"), !trimmed.contains("\"") else { return nil }
            tight = true
        }
        if trimmed.contains(" + ") || trimmed.contains("+") && trimmed.split(separator: "+").count > 1 {
            kind = .cooccurrence
            let els = trimmed.split(separator: "+").map { $0.trimmingCharacters(in: .whitespaces) }
            var out: [TokenPattern] = []
            for e in els {
                guard let p = TokenPattern(parsing: e) else { return nil }
                out.append(p)
            }
            guard out.contains(where: { !$0.negated }) else { return nil }
            elements = out
        } else {
            kind = .sequence
            var out: [TokenPattern] = []
            for e in trimmed.split(separator: " ") {
                guard let p = TokenPattern(parsing: String(e)), !p.negated else { return nil }
                out.append(p)
            }
            guard !out.isEmpty else { return nil }
            elements = out
        }
    }

    public var description: String {
        let body = elements.map(\.description).joined(separator: kind == .sequence ? " " : " + ")
        return tight ? "\"\(body)\"" : body
    }

    /// Whether the phrase can match words whose pattern bits are united in `present`: every positive element
    /// must be matched by one of them. A cheap necessary test that lets the rules skip the many idioms and cues
    /// that cannot match a clause before walking its words. Answers `true` when it cannot tell.
    func possible(in present: PatternMatches) -> Bool {
        for e in elements where !e.negated {
            guard e.slot >= 0, e.table == present.table else { return true }
            if !present.contains(e.slot) { return false }
        }
        return true
    }
}

import Foundation
