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
        switch mode {
        case .surface: return forms.surface == value
        case .exact: return forms.lemmas.contains(value) || forms.surface == value
        // Partial matches look at the written form only when the word has no lemma (unknown words, sv, en):
        // "vähennettiin" must not contain "netti".
        case .prefix: return forms.lemmas.isEmpty ? forms.surface.hasPrefix(value) : forms.lemmas.contains { $0.hasPrefix(value) }
        case .suffix: return forms.lemmas.isEmpty ? forms.surface.hasSuffix(value) : forms.lemmas.contains { $0.hasSuffix(value) }
        case .contains: return forms.lemmas.isEmpty ? forms.surface.contains(value) : forms.lemmas.contains { $0.contains(value) }
        }
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

    public init(lemmas: [String], surface: String) {
        self.lemmas = lemmas
        self.surface = surface
    }
}

/// A multiword pattern: a sequence (`a b c`, in order within one clause, small gaps allowed) or a
/// co-occurrence (`a + b + !c`, anywhere in one sentence).
public struct PhrasePattern: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable { case sequence, cooccurrence }
    public var kind: Kind
    public var elements: [TokenPattern]

    public init?(parsing raw: String) {
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
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
        elements.map(\.description).joined(separator: kind == .sequence ? " " : " + ")
    }
}

import Foundation
