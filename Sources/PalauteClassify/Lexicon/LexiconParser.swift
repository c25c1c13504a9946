import PalauteText

/// Parses the TSV files of one language. Each file has `#` comments, a header line naming its columns
/// (the first non-comment line) and tab-separated rows; see docs/lexicon-format.md.
enum LexiconParser {
    static func parse(language: Language, files: [String: String]) throws -> Lexicon {
        var lex = Lexicon(language: language)
        let prefix = language.rawValue + "/"
        if let t = files["topics.tsv"] {
            try rows(t, file: prefix + "topics.tsv", columns: 4...5) { cols, src, err in
                guard let topic = Topic(rawValue: cols[0]) else { throw err("unknown topic id '\(cols[0])'") }
                guard let kind = TopicEntryKind(rawValue: cols[2]) else {
                    throw err("unknown kind '\(cols[2])' (expected \(TopicEntryKind.allCases.map(\.rawValue).joined(separator: "|")))")
                }
                guard let priority = Int(cols[3]), (1...3).contains(priority) else { throw err("priority must be 1, 2 or 3") }
                var entry = TopicEntry(topic: topic, kind: kind, token: nil, phrase: nil, priority: priority, source: src)
                switch kind {
                case .phrase:
                    guard let p = PhrasePattern(parsing: cols[1]) else { throw err("bad phrase '\(cols[1])'") }
                    entry.phrase = p
                case .part:
                    guard let p = TokenPattern(parsing: cols[1]), p.mode == .exact else { throw err("a part is a bare word, got '\(cols[1])'") }
                    entry.token = TokenPattern(mode: .contains, value: p.value)
                case .prefix:
                    guard let p = TokenPattern(parsing: cols[1]), p.mode == .exact else { throw err("a prefix is a bare word, got '\(cols[1])'") }
                    entry.token = TokenPattern(mode: .prefix, value: p.value)
                default:
                    guard let p = TokenPattern(parsing: cols[1]), !p.negated else { throw err("bad pattern '\(cols[1])'") }
                    entry.token = p
                }
                lex.topics.append(entry)
                return "\(topic.rawValue)|\(cols[1])|\(kind.rawValue)"
            }
        }
        if let t = files["sentiment.tsv"] {
            try rows(t, file: prefix + "sentiment.tsv", columns: 2...5) { cols, src, err in
                guard let w = Double(cols[1]), (-3...3).contains(w), w != 0 else { throw err("weight must be a non-zero number in -3…3, got '\(cols[1])'") }
                var cond = SentimentCondition.always
                if cols.count > 2, !cols[2].isEmpty, cols[2] != "-" {
                    guard let c = SentimentCondition(rawValue: cols[2]) else { throw err("condition must be always|negated|plain") }
                    cond = c
                }
                var topic: Topic?
                if cols.count > 3, !cols[3].isEmpty, cols[3] != "-" {
                    guard let tp = Topic(rawValue: cols[3]) else { throw err("unknown topic id '\(cols[3])'") }
                    topic = tp
                }
                let isSymbol = !cols[0].unicodeScalars.contains { $0.properties.isAlphabetic }
                var entry = SentimentEntry(pattern: nil, symbol: nil, weight: w, condition: cond, topic: topic, source: src)
                if isSymbol {
                    entry.symbol = cols[0]
                } else {
                    guard let p = TokenPattern(parsing: cols[0]), !p.negated else { throw err("bad pattern '\(cols[0])'") }
                    entry.pattern = p
                }
                lex.sentiment.append(entry)
                return cols[0].lowercased() + "|" + cond.rawValue
            }
        }
        if let t = files["modifiers.tsv"] {
            try rows(t, file: prefix + "modifiers.tsv", columns: 3...4) { cols, src, err in
                guard let p = TokenPattern(parsing: cols[0]), !p.negated else { throw err("bad pattern '\(cols[0])'") }
                guard let kind = ModifierKind(rawValue: cols[1]) else {
                    throw err("unknown modifier type '\(cols[1])' (expected \(ModifierKind.allCases.map(\.rawValue).joined(separator: "|")))")
                }
                guard let v = Double(cols[2]), (0...4).contains(v) else { throw err("value must be a number in 0…4") }
                lex.modifiers.append(ModifierEntry(pattern: p, kind: kind, value: v, source: src))
                return cols[0].lowercased() + "|" + kind.rawValue
            }
        }
        if let t = files["idioms.tsv"] {
            try rows(t, file: prefix + "idioms.tsv", columns: 3...4) { cols, src, err in
                guard let p = PhrasePattern(parsing: cols[0]), p.kind == .sequence else { throw err("an idiom is a lemma sequence, got '\(cols[0])'") }
                guard let w = Double(cols[1]), (-3...3).contains(w) else { throw err("weight must be a number in -3…3") }
                var topic: Topic?
                if cols[2] != "-" {
                    guard let tp = Topic(rawValue: cols[2]) else { throw err("unknown topic id '\(cols[2])'") }
                    topic = tp
                }
                lex.idioms.append(IdiomEntry(phrase: p, weight: w, topic: topic, source: src))
                return cols[0].lowercased()
            }
        }
        if let t = files["cues.tsv"] {
            try rows(t, file: prefix + "cues.tsv", columns: 2...3) { cols, src, err in
                guard let kind = CueKind(rawValue: cols[0]) else {
                    throw err("unknown cue type '\(cols[0])' (expected \(CueKind.allCases.map(\.rawValue).joined(separator: "|")))")
                }
                guard let p = PhrasePattern(parsing: cols[1]) else { throw err("bad pattern '\(cols[1])'") }
                lex.cues.append(CueEntry(kind: kind, phrase: p, source: src))
                return kind.rawValue + "|" + cols[1].lowercased()
            }
        }
        if let t = files["exclusions.tsv"] {
            try rows(t, file: prefix + "exclusions.tsv", columns: 3...4) { cols, src, err in
                let scope: ExclusionScope
                switch cols[0] {
                case "all": scope = .all
                case "sentiment": scope = .sentiment
                case let s where s.hasPrefix("topic:"):
                    guard let tp = Topic(rawValue: String(s.dropFirst(6))) else { throw err("unknown topic in scope '\(s)'") }
                    scope = .topic(tp)
                case let s where s.hasPrefix("flag:"):
                    guard let f = Flag(rawValue: String(s.dropFirst(5))) else { throw err("unknown flag in scope '\(s)'") }
                    scope = .flag(f)
                default: throw err("scope must be all|sentiment|topic:<id>|flag:<id>, got '\(cols[0])'")
                }
                guard let kind = ExclusionKind(rawValue: cols[2]) else { throw err("kind must be name|word|phrase") }
                var entry = ExclusionEntry(scope: scope, kind: kind, token: nil, phrase: nil, source: src)
                if kind == .phrase {
                    guard let p = PhrasePattern(parsing: cols[1]) else { throw err("bad phrase '\(cols[1])'") }
                    entry.phrase = p
                } else {
                    guard let p = TokenPattern(parsing: cols[1]), !p.negated else { throw err("bad pattern '\(cols[1])'") }
                    entry.token = p
                }
                lex.exclusions.append(entry)
                return cols[0] + "|" + cols[1].lowercased()
            }
        }
        if let t = files["function-words.tsv"] {
            try rows(t, file: prefix + "function-words.tsv", columns: 1...2) { cols, _, _ in
                lex.functionWords.insert(cols[0].lowercased())
                return cols[0].lowercased()
            }
        }
        lex.buildIndexes()
        return lex
    }

    /// Calls `body` for every data row with its columns; `body` returns the row's identity for duplicate checks.
    private static func rows(
        _ text: String, file: String, columns: ClosedRange<Int>,
        _ body: ([String], LexiconSource, (String) -> LexiconError) throws -> String
    ) throws {
        var headerSeen = false
        var seen: [String: Int] = [:]
        for (i, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNo = i + 1
            var line = String(rawLine)
            if line.hasSuffix("\r") { line.removeLast() }
            if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") { continue }
            if !headerSeen {
                headerSeen = true
                continue
            }
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            let err = { (msg: String) in LexiconError(file: file, line: lineNo, message: msg) }
            guard columns.contains(cols.count) else {
                throw err("expected \(columns.lowerBound)–\(columns.upperBound) tab-separated columns, found \(cols.count)")
            }
            guard !cols[0].isEmpty else { throw err("the first column is empty") }
            let key = try body(cols, LexiconSource(file: file, line: lineNo), err)
            if let first = seen[key] { throw err("duplicate entry (first on line \(first))") }
            seen[key] = lineNo
        }
    }
}

import Foundation
