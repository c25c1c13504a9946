import PalauteText

/// Where a label came from, so a manager can tell a lexicon rule from a model's opinion.
public struct Provenance: Codable, Sendable, Hashable {
    public enum Source: String, Codable, Sendable { case lexicon, llm }
    public var source: Source
    /// The LLM model name, when `source == .llm`.
    public var model: String?
    /// The prompt template version, when `source == .llm`.
    public var promptVersion: String?
    /// The LLM cache key the answer is stored under, when `source == .llm`.
    public var cacheKey: String?

    public init(source: Source, model: String? = nil, promptVersion: String? = nil, cacheKey: String? = nil) {
        self.source = source
        self.model = model
        self.promptVersion = promptVersion
        self.cacheKey = cacheKey
    }

    public static let lexicon = Provenance(source: .lexicon)
}

/// One piece of evidence: the span of the original text and the rule that produced a label.
public struct Evidence: Codable, Sendable, Hashable {
    /// What the evidence supports: `topic:waiting:criticism`, `flag:safety`, `sentiment`.
    public var target: String
    /// Unicode scalar offsets into the original text, end exclusive.
    public var start: Int
    public var end: Int
    /// The original text of the span.
    public var text: String
    /// The rule that fired, e.g. `negation`, `contrast`, `conditional-mood`.
    public var rule: String
    /// The lexicon line that matched, as `file:line`, when a lexicon entry was involved.
    public var source: String?

    public init(target: String, start: Int, end: Int, text: String, rule: String, source: String? = nil) {
        self.target = target
        self.start = start
        self.end = end
        self.text = text
        self.rule = rule
        self.source = source
    }
}

/// Everything the classifier decides about one response.
public struct Classification: Codable, Sendable, Hashable {
    public var lang: Language
    public var sentiment: Sentiment
    public var topics: [TopicLabel]
    public var flags: [Flag]
    public var followUp: Bool
    public var nps: NPSCategory?
    /// 0…1: how sure the lexicon path is; low values are what `--llm uncertain` sends.
    public var confidence: Double
    /// The score contradicts the text (convention 11).
    public var mismatch: Bool
    public var evidence: [Evidence]
    public var lexiconVersion: String
    /// Provenance keyed by `topic:<id>:<label>`, `flag:<id>` or `sentiment`; absent keys are lexicon.
    public var provenance: [String: Provenance]

    public init(
        lang: Language, sentiment: Sentiment, topics: [TopicLabel], flags: [Flag], followUp: Bool,
        nps: NPSCategory?, confidence: Double, mismatch: Bool, evidence: [Evidence], lexiconVersion: String,
        provenance: [String: Provenance] = [:]
    ) {
        self.lang = lang
        self.sentiment = sentiment
        self.topics = topics
        self.flags = flags
        self.followUp = followUp
        self.nps = nps
        self.confidence = confidence
        self.mismatch = mismatch
        self.evidence = evidence
        self.lexiconVersion = lexiconVersion
        self.provenance = provenance
    }
}
