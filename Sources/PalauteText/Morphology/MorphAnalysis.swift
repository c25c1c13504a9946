/// Word classes as Voikko's CLASS attribute names them, folded to what the classifier needs.
public enum WordClass: String, Codable, Sendable {
    case noun, adjective, verb, adverb, pronoun, numeral, conjunction, interjection
    case negationVerb
    case firstName, lastName, placeName, properName
    case other
}

/// Grammatical case (Voikko SIJAMUOTO).
public enum GrammaticalCase: String, Codable, Sendable {
    case nominative, genitive, partitive, essive, translative
    case inessive, elative, illative, adessive, ablative, allative
    case abessive, comitative, instructive, accusative, other
}

/// Verb mood (Voikko MOOD), including the infinitive forms Voikko reports there.
public enum Mood: String, Codable, Sendable {
    case indicative, conditional, imperative, potential, infinitive, other
}

/// Comparison of adjectives ("parempi", "paras" → "hyvä").
public enum Comparison: String, Codable, Sendable {
    case positive, comparative, superlative
}

/// One morphological reading of a word.
public struct MorphAnalysis: Sendable, Hashable {
    public var lemma: String
    public var wordClass: WordClass
    /// Base forms of the compound parts, from WORDBASES: "ajanvarausjärjestelmä" → aika, varata, us, järjestelmä.
    public var parts: [String]
    public var grammaticalCase: GrammaticalCase?
    public var mood: Mood?
    public var person: Int?
    public var plural: Bool
    /// Voikko's NEGATIVE attribute is "true" for connegative forms ("en *tiedä*").
    public var connegative: Bool
    public var comparison: Comparison?
    /// Clitic focus particles: kin, kaan (also kään), han (also hän), pa, ko.
    public var clitics: [String]
    /// Voikko's PARTICIPLE value, when the word is a participle.
    public var participle: String?
    /// Whether the form can stand after a negation verb (Voikko NEGATIVE "true"/"both", or a past active
    /// participle: "en *saanut*"). `connegative` is set from this plus context by `TextAnalyzer`.
    public var canBeConnegative: Bool = false
    /// The verb a participle comes from ("saanut" → "saada"), read from Voikko's FSTOUTPUT.
    public var verbLemma: String?
    /// Voikko's TENSE value ("present_simple", "past_imperfective") for finite verbs.
    public var tense: String?
    /// Voikko's raw CLASS value ("lyhenne" for abbreviations, "nimisana_laatusana", …), for debugging output.
    public var voikkoClass: String?

    /// First names, surnames, place names and other proper names.
    public var isProperName: Bool {
        switch wordClass {
        case .firstName, .lastName, .placeName, .properName: true
        default: false
        }
    }

    public init(
        lemma: String, wordClass: WordClass, parts: [String] = [], grammaticalCase: GrammaticalCase? = nil,
        mood: Mood? = nil, person: Int? = nil, plural: Bool = false, connegative: Bool = false,
        comparison: Comparison? = nil, clitics: [String] = [], participle: String? = nil
    ) {
        self.lemma = lemma
        self.wordClass = wordClass
        self.parts = parts
        self.grammaticalCase = grammaticalCase
        self.mood = mood
        self.person = person
        self.plural = plural
        self.connegative = connegative
        self.comparison = comparison
        self.clitics = clitics
        self.participle = participle
    }
}
