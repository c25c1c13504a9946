import PalauteText

/// A token as the classifier sees it: the forms lexicon patterns match, and its sentence and refined clause.
///
/// A class: the rules read tokens many times a clause, and copying a struct of a dozen arrays and strings cost a
/// retain and a release for each of them on every read. Filled in while `PreparedText` is built, then only read,
/// on the thread that classifies the text.
final class PreparedToken: @unchecked Sendable {
    var index: Int
    var kind: TokenKind
    var text: String
    var range: Range<Int>
    var forms: TokenForms
    var analyses: [MorphAnalysis]
    var sentence: Int
    var clause: Int
    var isWord: Bool
    /// For the first token of a clause: the clause or contrast word that opened it, if a word did.
    var opener: ModifierKind?
    /// A name or place (convention 10): neither a topic nor a sentiment word.
    var isName: Bool
    var allCaps: Bool
    /// Lexicon look-ups, done once per token (and cached per word form across a batch).
    var mods: [ModifierEntry] = []
    var sentiment: [SentimentEntry] = []
    var topicEntries: [TopicEntry] = []

    init(index: Int, kind: TokenKind, text: String, range: Range<Int>, forms: TokenForms, analyses: [MorphAnalysis],
         sentence: Int, clause: Int, isWord: Bool, opener: ModifierKind?, isName: Bool, allCaps: Bool) {
        self.index = index
        self.kind = kind
        self.text = text
        self.range = range
        self.forms = forms
        self.analyses = analyses
        self.sentence = sentence
        self.clause = clause
        self.isWord = isWord
        self.opener = opener
        self.isName = isName
        self.allCaps = allCaps
    }

    var best: MorphAnalysis? { analyses.first }
    /// A word asked about with the question clitic -ko/-kö ("auttoiko") is not asserted.
    var isAskedAbout: Bool { best?.clitics.contains { $0 == "ko" || $0 == "kö" } == true }
    var isNegationVerb: Bool { analyses.contains { $0.wordClass == .negationVerb } }
    func hasCase(_ c: GrammaticalCase) -> Bool { analyses.first?.grammaticalCase == c }
    var isAdjectiveOrAdverb: Bool {
        guard let b = best else { return false }
        return b.wordClass == .adjective || b.wordClass == .adverb
    }
}

/// The analysed text regrouped for classification.
struct PreparedText: Sendable {
    var tokens: [PreparedToken]
    var language: Language
    var sentenceCount: Int
    var clauseCount: Int
    /// Share of words Voikko (or the sv/en lexicon) did not know: lowers confidence.
    var unknownShare: Double
    /// Word token indices by sentence.
    var sentenceWords: [[Int]]
    /// The patterns some word of each clause, each sentence and the whole text matches: lets the rules skip
    /// phrases that cannot match (`PhrasePattern.possible(in:)`).
    var clauseBits: [PatternMatches]
    var sentenceBits: [PatternMatches]
    var allBits: PatternMatches
}

/// Lexicon look-ups by word form, owned by one worker (not shared across threads).
final class LookupCache {
    struct Entry {
        var mods: [ModifierEntry]
        var sentiment: [SentimentEntry]
        var topics: [TopicEntry]
        var matched: PatternMatches
    }
    struct Key: Hashable {
        var language: Language
        var surface: String
        var lemmas: [String]
    }
    var entries: [Key: Entry] = [:]
    init() {}
}

extension PreparedText {
    static let nameClasses: Set<WordClass> = [.firstName, .lastName, .placeName, .properName]

    /// Whether a capitalised word's capital says "name" to a `name` exclusion: not at a sentence start
    /// ("Hoitopolku on sekava" is no street), unless a house number follows ("Koivupolku 5 on vaikea löytää").
    static func capitalIsNameEvidence(_ i: Int, in tokens: [PreparedToken]) -> Bool {
        guard tokens[i].text.first?.isUppercase == true else { return false }
        let opensSentence = !tokens[..<i].contains { $0.isWord && $0.sentence == tokens[i].sentence }
        guard opensSentence else { return true }
        return tokens[(i + 1)...].prefix(2).contains { $0.kind == .number }
    }

    init(_ analyzed: AnalyzedText, language: Language, lexicon: Lexicon, cache: LookupCache? = nil) {
        var out: [PreparedToken] = []
        var unknown = 0
        var words = 0
        var previousSentence = -1
        // Words of a sentence that instructs a machine are not feedback (convention 10): read as symbols.
        let instruction = Set(analyzed.instructionTokens)
        for (i, t) in analyzed.tokens.enumerated() {
            let isWord = t.token.kind == .word && !instruction.contains(i)
            var lemmas: [String] = []
            let surface = Self.deElongate(t.normalized.lowercased())
            if language == .fi {
                for a in t.analyses {
                    let l = a.lemma.lowercased()
                    if !l.isEmpty, !lemmas.contains(l) { lemmas.append(l) }
                    if a.participle != nil, let verb = a.parts.first, !lemmas.contains(verb.lowercased()) {
                        lemmas.append(verb.lowercased())
                    }
                }
            }
            // A word Voikko did not know was read as a spelling suggestion: lexicon patterns also see the written
            // word ("takaisinsoitto" must not be lost to a suggested "takaisonsoitto").
            if t.normalizedBy == .suggestion {
                let written = Self.deElongate(t.token.text.lowercased())
                if !lemmas.contains(written) { lemmas.append(written) }
            }
            if isWord {
                words += 1
                if language == .fi && t.analyses.isEmpty { unknown += 1 }
            }
            let first = t.sentence != previousSentence
            previousSentence = t.sentence
            let capitalized = t.token.text.first.map { $0.isUppercase } ?? false
            var isName = false
            if isWord, capitalized, language == .fi {
                let names = t.analyses.filter { Self.nameClasses.contains($0.wordClass) }
                if !names.isEmpty && (names.count == t.analyses.count || !first) { isName = true }
            }
            let allCaps = isWord && Self.isAllCaps(t.token.text)
            out.append(PreparedToken(
                index: i, kind: instruction.contains(i) ? .symbol : t.token.kind, text: t.token.text, range: t.token.range,
                forms: TokenForms(lemmas: lemmas, surface: surface), analyses: t.analyses,
                sentence: t.sentence, clause: t.clause, isWord: isWord, opener: nil, isName: isName, allCaps: allCaps
            ))
        }
        for i in out.indices where out[i].isWord {
            let key = LookupCache.Key(language: language, surface: out[i].forms.surface, lemmas: out[i].forms.lemmas)
            if let c = cache, let hit = c.entries[key] {
                out[i].mods = hit.mods
                out[i].sentiment = hit.sentiment
                out[i].topicEntries = hit.topics
                out[i].forms.matched = hit.matched
            } else {
                // The pattern bits first: the look-ups below then test bits for their partial patterns too.
                let matched = lexicon.patternTable.matches(out[i].forms)
                out[i].forms.matched = matched
                out[i].mods = lexicon.modifiers(out[i].forms)
                out[i].sentiment = lexicon.sentimentEntries(out[i].forms)
                out[i].topicEntries = lexicon.topicEntries(out[i].forms)
                if let c = cache, c.entries.count < 500_000 {
                    c.entries[key] = LookupCache.Entry(mods: out[i].mods, sentiment: out[i].sentiment, topics: out[i].topicEntries, matched: matched)
                }
            }
        }
        // Name exclusions from the lexicon (a capitalised "Parkkila" the analyser does not know as a name).
        if !lexicon.nameExclusions.isEmpty {
            for i in out.indices where out[i].isWord && out[i].text.first?.isUppercase == true {
                if !Self.capitalIsNameEvidence(i, in: out) { continue }
                if lexicon.nameExclusions.contains(where: { $0.token!.matches(out[i].forms) }) { out[i].isName = true }
            }
        }
        // Refine clauses: contrast and clause words of the lexicon open a new clause; a clause the analyser
        // opened at a word the lexicon does not list ("Toivoisin kuitenkin …") is joined back.
        var clause = -1
        var lastRaw = -1
        var lastSentence = -1
        var wordsInClause = 0
        for i in out.indices {
            let opener = out[i].isWord
                ? out[i].mods.first(where: { $0.kind == .contrast || $0.kind == .clause })?.kind : nil
            let previousIsPunctuation = i > 0 && !out[i - 1].isWord
            var split = false
            if out[i].sentence != lastSentence {
                split = true
            } else if out[i].clause != lastRaw {
                split = previousIsPunctuation || opener != nil || wordsInClause == 0
            } else if out[i].isWord, wordsInClause > 0, opener != nil {
                split = true
            }
            lastRaw = out[i].clause
            lastSentence = out[i].sentence
            if split {
                clause += 1
                wordsInClause = 0
            }
            if out[i].isWord {
                if wordsInClause == 0 { out[i].opener = opener }
                wordsInClause += 1
            }
            out[i].clause = clause
        }
        tokens = out
        self.language = language
        sentenceCount = (out.map(\.sentence).max() ?? -1) + 1
        clauseCount = clause + 1
        unknownShare = words == 0 ? 0 : Double(unknown) / Double(words)
        var bySentence = [[Int]](repeating: [], count: sentenceCount)
        for (i, t) in out.enumerated() where t.isWord && !t.isName && t.sentence < bySentence.count { bySentence[t.sentence].append(i) }
        sentenceWords = bySentence
        let none = lexicon.patternTable.empty
        var clauseBits = [PatternMatches](repeating: none, count: clauseCount)
        var sentenceBits = [PatternMatches](repeating: none, count: sentenceCount)
        var allBits = none
        for t in out where t.isWord {
            guard let m = t.forms.matched else { continue }
            clauseBits[t.clause].formUnion(m)
            sentenceBits[t.sentence].formUnion(m)
            allBits.formUnion(m)
        }
        self.clauseBits = clauseBits
        self.sentenceBits = sentenceBits
        self.allBits = allBits
    }

    /// At least three letters, all upper case ("HUONO"): shouting. Lower-case ASCII answers at once.
    static func isAllCaps(_ text: String) -> Bool {
        var letters = 0
        for b in text.utf8 where b < 0x80 {
            if b >= 0x61 && b <= 0x7A { return false }
            if b >= 0x41 && b <= 0x5A { letters += 1 }
        }
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return letters >= 3 }
        let all = text.filter { $0.isLetter }
        return all.count >= 3 && all.allSatisfy { $0.isUppercase }
    }

    /// "kiitoooos" → "kiitos", "sinneee" → "sinne": a run of three or more of a letter becomes one.
    static func deElongate(_ s: String) -> String {
        // Most words have no run of three equal scalars; in a plain string (every scalar its own character, see
        // `TokenPattern.isPlain`) they then have no run of three equal characters either.
        if TokenPattern.isPlain(s.utf8) {
            var run = 0
            var last: Unicode.Scalar = "\0"
            var found = false
            for c in s.unicodeScalars {
                run = c == last ? run + 1 : 1
                last = c
                if run >= 3 { found = true; break }
            }
            if !found { return s }
        }
        var out = ""
        var last: Character?
        var run = 0
        for c in s {
            if c == last { run += 1 } else { run = 1; last = c }
            out.append(c)
            if run == 3 {
                out.removeLast(3)
                out.append(c)
            } else if run > 3 {
                out.removeLast()
            }
        }
        return out
    }
}
