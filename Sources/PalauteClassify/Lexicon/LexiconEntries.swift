import PalauteText

/// Where an entry was read from, for evidence and `palaute explain`.
public struct LexiconSource: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var description: String { "\(file):\(line)" }
}

/// How a topic entry matches and how strongly it claims its clause.
public enum TopicEntryKind: String, Sendable, CaseIterable {
    /// An exact lemma: inflection comes free from Voikko.
    case lemma
    /// A compound part anywhere in the lemma ("ajanvaraus" in "ajanvarausjärjestelmä").
    case part
    /// The start of a lemma or written form; for unknown words, Swedish and English.
    case prefix
    /// A lemma sequence (`a b`) or a co-occurrence in one sentence (`a + b`).
    case phrase
    /// A person word ("lääkäri"): its topic is a fallback when no adjective or noun names a topic.
    case person
    /// An adjective that is about a person only beside a person word ("mukava hoitaja").
    case personadj
    /// A word for test results: in its clause, lab_imaging gives way to communication (convention 5).
    case result
}

public struct TopicEntry: Sendable, Hashable {
    public var topic: Topic
    public var kind: TopicEntryKind
    public var token: TokenPattern?
    public var phrase: PhrasePattern?
    /// 3 a thing named (ajanvaraus), 2 a quality or act that implies a topic (ystävällinen), 1 a fallback.
    public var priority: Int
    public var source: LexiconSource
}

/// When a sentiment word counts: always, only under negation ("ei kertonut"), or only without it.
public enum SentimentCondition: String, Sendable, CaseIterable {
    case always, negated, plain
}

public struct SentimentEntry: Sendable, Hashable {
    public var pattern: TokenPattern?
    /// Emoji and emoticons are matched on their written form.
    public var symbol: String?
    public var weight: Double
    public var condition: SentimentCondition
    /// A verdict word's topic when its clause names none ("pettynyt" → overall).
    public var topic: Topic?
    public var source: LexiconSource
}

public enum ModifierKind: String, Sendable, CaseIterable {
    /// Multiplies the next sentiment word (todella 1.5).
    case intensifier
    /// Multiplies it by less than one (vähän 0.6).
    case softener
    /// Flips the polarity of what follows in the clause.
    case negator
    /// "ilman", "without", "utan": flips only the noun phrase it governs ("ilman selitystä", "ilman jonoa").
    case privative
    /// Opens a new clause and weights it (mutta 1.3).
    case contrast
    /// Opens a new clause without weighting.
    case clause
    /// Turns the next word into a complaint ("liian").
    case excess
    /// A lukewarm word that gives no label ("ok").
    case lukewarm
    /// Makes the next verb a burden rather than praise ("pitää selittää", "joutua odottamaan").
    case obligation
    /// A promise ("luvattiin", "lovade", "promised"): what was promised had not happened, so a good word in
    /// the next few words is no praise ("takaisinsoittoa luvattiin samalle päivälle").
    case promise
    /// A verb that acts on a problem ("pahoitella", "korjata", "hoitaa"). Under negation its partitive object
    /// stays a problem: "ei pahoiteltu myöhästymistä" says the delay happened, where "ei ollut ongelmia" says
    /// there were none.
    case remedy
    /// Ends the scope of a negation before the clause ends ("ja", "vaan").
    case scopeEnd = "scope_end"
    /// A word of length whose polarity the topic decides ("pitkä", "long"): a long wait is bad, a long visit
    /// with the clinician good.
    case long
    /// The opposite ("lyhyt", "short"): a short wait is good, a short visit bad.
    case short
}

public struct ModifierEntry: Sendable, Hashable {
    public var pattern: TokenPattern
    public var kind: ModifierKind
    public var value: Double
    public var source: LexiconSource
}

public struct IdiomEntry: Sendable, Hashable {
    public var phrase: PhrasePattern
    public var weight: Double
    public var topic: Topic?
    public var source: LexiconSource
}

public enum CueKind: String, Sendable, CaseIterable {
    case suggestion
    /// A verb that makes a past conditional a complaint ("olisin toivonut").
    case retroWish = "retro_wish"
    /// An imperative that demands a fix rather than proposing a change ("korjatkaa").
    case demand
    case contact
    /// A verb that, in the imperative or in a request, asks for contact ("soittaa").
    case contactVerb = "contact_verb"
    /// A verb of wishing or asking that makes a contact verb a request ("toivon että joku soittaa").
    case requestVerb = "request_verb"
    case complaint
    case safety
    /// A question word that makes a question a complaint ("miksi …?", "eikö …?").
    case rhetorical
    /// Thanks: to a named person it is staff_manner praise when nothing else is said.
    case thanks
    /// A frame that makes a topic-less verdict in its clause one on the whole visit ("muuten", "kaiken
    /// kaikkiaan", "otherwise"): `overall` is labelled beside named topics too (convention 2).
    case verdict
    /// "paitsi", "except": the clause it opens is the exception to the verdict before it ("kaikki hyvin paitsi
    /// odotusaika" criticises the wait).
    case except
}

public struct CueEntry: Sendable, Hashable {
    public var kind: CueKind
    public var phrase: PhrasePattern
    public var source: LexiconSource
}

public enum ExclusionScope: Sendable, Hashable {
    case all, sentiment, flag(Flag), topic(Topic)
}

public enum ExclusionKind: String, Sendable, CaseIterable {
    /// Matches only a capitalised word: a name or place.
    case name
    case word
    case phrase
}

public struct ExclusionEntry: Sendable, Hashable {
    public var scope: ExclusionScope
    public var kind: ExclusionKind
    public var token: TokenPattern?
    public var phrase: PhrasePattern?
    public var source: LexiconSource
}
