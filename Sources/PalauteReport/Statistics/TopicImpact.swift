import PalauteClassify

/// How much the responses that criticise a topic pull the NPS down.
///
/// impact = NPS(all scored responses) − NPS(scored responses that do not criticise the topic). A negative impact
/// means the NPS would be that many points higher without those critics; zero when nobody criticised the topic;
/// nil when there is no NPS to compare (no scores, or every scored response criticised the topic).
public struct TopicImpact: Sendable, Hashable {
    public var topic: Topic
    /// All scored responses of the scope (a unit, or all units).
    public var all: NPSStatistics
    /// The scored responses whose current result criticises `topic`.
    public var critics: NPSStatistics

    public init(topic: Topic, all: NPSStatistics, critics: NPSStatistics) {
        self.topic = topic
        self.all = all
        self.critics = critics
    }

    public var withoutCritics: NPSStatistics { all.removing(critics) }

    public var impact: Double? {
        guard let a = all.nps, let w = withoutCritics.nps else { return nil }
        return a - w
    }
}
