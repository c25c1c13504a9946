import PalauteClassify

/// A model answer that passed the contract: only ids of the label contract, every field present.
public struct LLMAnswer: Codable, Sendable, Hashable {
    public var topics: [TopicLabel]
    public var sentiment: Sentiment
    public var flags: [Flag]

    public init(topics: [TopicLabel], sentiment: Sentiment, flags: [Flag]) {
        self.topics = Array(Set(topics)).sorted()
        self.sentiment = sentiment
        self.flags = Array(Set(flags)).sorted()
    }

    /// The canonical JSON stored in the cache (sorted, de-duplicated).
    public var canonicalJSON: String {
        JSONValue.object([
            "topics": .array(topics.map { .object(["topic": .string($0.topic.rawValue), "label": .string($0.label.rawValue)]) }),
            "sentiment": .string(sentiment.rawValue),
            "flags": .array(flags.map { .string($0.rawValue) }),
        ]).compactString
    }
}
