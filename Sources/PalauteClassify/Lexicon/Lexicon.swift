import Foundation
import PalauteText

/// The lexicon of one language: every file of `lexicons/<lang>/`, parsed and validated.
public struct Lexicon: Sendable {
    public var language: Language
    public var topics: [TopicEntry] = []
    public var sentiment: [SentimentEntry] = []
    public var modifiers: [ModifierEntry] = []
    public var idioms: [IdiomEntry] = []
    public var cues: [CueEntry] = []
    public var exclusions: [ExclusionEntry] = []
    /// Frequent words of the language, for telling Swedish and English from Finnish.
    public var functionWords: Set<String> = []

    // Indexes by exact value for speed; pattern entries are scanned.
    var exactSentiment: [String: [SentimentEntry]] = [:]
    var patternSentiment: [SentimentEntry] = []
    var symbolSentiment: [String: SentimentEntry] = [:]
    var exactTopics: [String: [TopicEntry]] = [:]
    var patternTopics: [TopicEntry] = []
    var phraseTopics: [TopicEntry] = []
    var exactModifiers: [String: [ModifierEntry]] = [:]
    var cuesByKind: [CueKind: [CueEntry]] = [:]
    var patternModifiers: [ModifierEntry] = []
    /// The `PatternTable` numbers of `patternSentiment`, `patternTopics` and `patternModifiers`, in their order:
    /// a form's look-up tests bits instead of copying every entry to ask it.
    var patternSentimentSlots: [Int32] = []
    var patternTopicSlots: [Int32] = []
    var patternModifierSlots: [Int32] = []
    /// Every single-word pattern above, numbered (see `PatternTable`).
    var patternTable = PatternTable()
    /// Name exclusions that apply everywhere, checked for every capitalised word.
    var nameExclusions: [ExclusionEntry] = []

    public init(language: Language) {
        self.language = language
    }

    mutating func buildIndexes() {
        // Number the patterns first, so that the copies the indexes below keep carry their numbers.
        var table = PatternTable()
        for i in topics.indices {
            table.register(&topics[i].token)
            table.register(&topics[i].phrase)
        }
        for i in sentiment.indices { table.register(&sentiment[i].pattern) }
        for i in modifiers.indices { table.register(&modifiers[i].pattern) }
        for i in idioms.indices { table.register(&idioms[i].phrase) }
        for i in cues.indices { table.register(&cues[i].phrase) }
        for i in exclusions.indices {
            table.register(&exclusions[i].token)
            table.register(&exclusions[i].phrase)
        }
        patternTable = table
        nameExclusions = exclusions.filter { $0.kind == .name && $0.scope == .all }
        cuesByKind = Dictionary(grouping: cues, by: \.kind)
        for e in sentiment {
            if let s = e.symbol {
                symbolSentiment[s] = e
            } else if let p = e.pattern {
                if p.mode == .exact { exactSentiment[p.value, default: []].append(e) } else { patternSentiment.append(e) }
            }
        }
        for e in topics {
            if let p = e.token {
                if p.mode == .exact { exactTopics[p.value, default: []].append(e) } else { patternTopics.append(e) }
            } else {
                phraseTopics.append(e)
            }
        }
        for e in modifiers {
            if e.pattern.mode == .exact { exactModifiers[e.pattern.value, default: []].append(e) } else { patternModifiers.append(e) }
        }
        patternSentimentSlots = patternSentiment.map { $0.pattern!.slot }
        patternTopicSlots = patternTopics.map { $0.token!.slot }
        patternModifierSlots = patternModifiers.map { $0.pattern.slot }
    }

    /// Indices into `slots` whose patterns the forms match: by bit when the forms carry this lexicon's bits.
    func matching(_ slots: [Int32], _ forms: TokenForms, orAsk ask: (Int) -> Bool) -> [Int] {
        if let m = forms.matched, m.table == patternTable.id, !slots.contains(-1) {
            return slots.indices.filter { m.contains(slots[$0]) }
        }
        return slots.indices.filter(ask)
    }

    func sentimentEntries(_ forms: TokenForms) -> [SentimentEntry] {
        var out: [SentimentEntry] = []
        var seen = Set<String>()
        for l in forms.lemmas + [forms.surface] where seen.insert(l).inserted {
            if let es = exactSentiment[l] { out += es }
        }
        if out.isEmpty, let k = matching(patternSentimentSlots, forms, orAsk: { patternSentiment[$0].pattern!.matches(forms) }).first {
            out.append(patternSentiment[k])
        }
        return out
    }

    func topicEntries(_ forms: TokenForms) -> [TopicEntry] {
        var out: [TopicEntry] = []
        var seen = Set<String>()
        for l in forms.lemmas + [forms.surface] where seen.insert(l).inserted {
            if let es = exactTopics[l] { out += es }
        }
        for k in matching(patternTopicSlots, forms, orAsk: { patternTopics[$0].token!.matches(forms) }) { out.append(patternTopics[k]) }
        return out
    }

    func modifier(_ forms: TokenForms) -> ModifierEntry? {
        for l in [forms.surface] + forms.lemmas {
            if let e = exactModifiers[l]?.first { return e }
        }
        return patternModifiers.first { $0.pattern.matches(forms) }
    }

    func modifiers(_ forms: TokenForms) -> [ModifierEntry] {
        var out: [ModifierEntry] = []
        // The written form first, then the lemmas in Voikko's order: a fixed order, so that of two entries for one
        // word ("todella" as a lemma and as a written form) the same one wins in every process.
        var seen = Set<String>()
        for l in [forms.surface] + forms.lemmas where seen.insert(l).inserted { out += exactModifiers[l] ?? [] }
        for k in matching(patternModifierSlots, forms, orAsk: { patternModifiers[$0].pattern.matches(forms) }) { out.append(patternModifiers[k]) }
        return out
    }
}

/// All bundled lexicons with their content version.
public struct LexiconBundle: Sendable {
    public var lexicons: [Language: Lexicon]
    /// A content hash (FNV-1a 64) of every lexicon file: recorded with each result so that a label can be
    /// traced to the data that produced it.
    public var version: String

    public init(lexicons: [Language: Lexicon], version: String) {
        self.lexicons = lexicons
        self.version = version
    }

    public subscript(language: Language) -> Lexicon {
        lexicons[language] ?? lexicons[.fi] ?? Lexicon(language: language)
    }

    static let fileNames = ["topics.tsv", "sentiment.tsv", "modifiers.tsv", "idioms.tsv", "cues.tsv", "exclusions.tsv", "function-words.tsv"]

    /// Loads `<folder>/{fi,sv,en}/*.tsv`. Throws `LexiconError` naming file and line on any bad line.
    public static func load(from folder: URL) throws -> LexiconBundle {
        var hasher = FNV1a()
        var lexicons: [Language: Lexicon] = [:]
        for lang in Language.allCases {
            let dir = folder.appendingPathComponent(lang.rawValue)
            guard FileManager.default.fileExists(atPath: dir.path) else { continue }
            var files: [String: String] = [:]
            for name in fileNames {
                let url = dir.appendingPathComponent(name)
                guard let data = FileManager.default.contents(atPath: url.path) else { continue }
                guard let text = String(data: data, encoding: .utf8) else {
                    throw LexiconError(file: "\(lang.rawValue)/\(name)", line: 0, message: "not valid UTF-8")
                }
                hasher.combine("\(lang.rawValue)/\(name)\n")
                hasher.combine(text)
                files[name] = text
            }
            lexicons[lang] = try LexiconParser.parse(language: lang, files: files)
        }
        guard lexicons[.fi] != nil else {
            throw LexiconError(file: "fi/topics.tsv", line: 0, message: "the Finnish lexicon is missing in \(folder.path)")
        }
        return LexiconBundle(lexicons: lexicons, version: hasher.hex)
    }

    /// Finds `lexicons/` with `ResourceLocator` and loads it.
    public static func locate(explicit: String? = nil) throws -> LexiconBundle {
        try load(from: ResourceLocator.locate("lexicons", explicit: explicit))
    }
}

/// 64-bit FNV-1a: a stable content hash without a crypto dependency.
struct FNV1a {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325
    mutating func combine(_ s: String) {
        for b in s.utf8 {
            state ^= UInt64(b)
            state = state &* 0x0000_0100_0000_01b3
        }
    }
    var hex: String {
        let s = String(state, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
