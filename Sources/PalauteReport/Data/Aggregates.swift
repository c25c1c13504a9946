import PalauteClassify

/// Praise, criticism and suggestion counts of one topic.
public struct TopicCounts: Sendable, Hashable {
    public var praise = 0
    public var criticism = 0
    public var suggestion = 0
    /// Responses that mention the topic at all.
    public var responses = 0

    public init(praise: Int = 0, criticism: Int = 0, suggestion: Int = 0, responses: Int = 0) {
        self.praise = praise
        self.criticism = criticism
        self.suggestion = suggestion
        self.responses = responses
    }

    public var total: Int { praise + criticism + suggestion }
}

/// The figures of one unit in one period: the same columns as the views `v_nps_unit_month` / `v_nps_unit_week`.
public struct UnitPeriodAggregate: Sendable, Hashable {
    public var unit: String?
    /// `yyyy-mm`, or the Monday of the week.
    public var period: String
    /// All responses, scored or not.
    public var responses = 0
    public var nps = NPSStatistics()
    public var sentiment: [Sentiment: Int] = [:]
    /// Responses without a current result.
    public var unclassified = 0

    public init(unit: String?, period: String) {
        self.unit = unit
        self.period = period
    }
}

/// Everything the exports and the report aggregate, accumulated in one pass over the responses.
public struct Aggregates: Sendable {
    struct UnitPeriod: Hashable { var unit: String?; var period: String }
    struct UnitPeriodTopic: Hashable { var unit: String?; var period: String; var topic: Topic }
    struct UnitTopic: Hashable { var unit: String?; var topic: Topic }

    private(set) var byPeriod: [ReportPeriod: [UnitPeriod: UnitPeriodAggregate]] = [:]
    private(set) var topicsByPeriod: [ReportPeriod: [UnitPeriodTopic: TopicCounts]] = [:]
    /// All scored responses, all units.
    public private(set) var all = NPSStatistics()
    public private(set) var byUnit: [String?: NPSStatistics] = [:]
    public private(set) var responsesByUnit: [String?: Int] = [:]
    public private(set) var topicTotals: [Topic: TopicCounts] = [:]
    public private(set) var sentimentTotals: [Sentiment: Int] = [:]
    public private(set) var responses = 0
    public private(set) var unclassified = 0
    private var critics: [Topic: NPSStatistics] = [:]
    private var unitCritics: [UnitTopic: NPSStatistics] = [:]

    public init() {}

    mutating func add(_ row: StoredResponse) {
        responses += 1
        responsesByUnit[row.unit, default: 0] += 1
        all.add(score: row.score)
        byUnit[row.unit, default: NPSStatistics()].add(score: row.score)
        if let s = row.sentiment { sentimentTotals[s, default: 0] += 1 }
        if row.resultID == nil { unclassified += 1 }

        for period in ReportPeriod.allCases {
            guard let day = row.day, let key = period.key(forDay: day) else { continue }
            let k = UnitPeriod(unit: row.unit, period: key)
            var a = byPeriod[period]?[k] ?? UnitPeriodAggregate(unit: row.unit, period: key)
            a.responses += 1
            a.nps.add(score: row.score)
            if let s = row.sentiment { a.sentiment[s, default: 0] += 1 }
            if row.resultID == nil { a.unclassified += 1 }
            byPeriod[period, default: [:]][k] = a

            var seen = Set<Topic>()
            for t in row.topics {
                let tk = UnitPeriodTopic(unit: row.unit, period: key, topic: t.topic)
                var c = topicsByPeriod[period]?[tk] ?? TopicCounts()
                c.count(t.label, firstOfTopic: seen.insert(t.topic).inserted)
                topicsByPeriod[period, default: [:]][tk] = c
            }
        }
        var seen = Set<Topic>()
        for t in row.topics {
            topicTotals[t.topic, default: TopicCounts()].count(t.label, firstOfTopic: seen.insert(t.topic).inserted)
        }
        if NPSCategory(score: row.score) != nil {
            for topic in Set(row.topics.filter { $0.label == .criticism }.map(\.topic)) {
                critics[topic, default: NPSStatistics()].add(score: row.score)
                unitCritics[UnitTopic(unit: row.unit, topic: topic), default: NPSStatistics()].add(score: row.score)
            }
        }
    }

    /// Unit × period rows, ordered by unit then period.
    public func unitPeriods(_ period: ReportPeriod) -> [UnitPeriodAggregate] {
        (byPeriod[period] ?? [:]).values.sorted { ($0.unit ?? "", $0.period) < ($1.unit ?? "", $1.period) }
    }

    /// Unit × period × topic counts, ordered by unit, period, topic.
    public func topicCounts(_ period: ReportPeriod) -> [(unit: String?, period: String, topic: Topic, counts: TopicCounts)] {
        (topicsByPeriod[period] ?? [:]).map { (unit: $0.key.unit, period: $0.key.period, topic: $0.key.topic, counts: $0.value) }
            .sorted { ($0.unit ?? "", $0.period, $0.topic) < ($1.unit ?? "", $1.period, $1.topic) }
    }

    /// Impact of every contract topic on the NPS of all units.
    public var topicImpacts: [TopicImpact] {
        Topic.allCases.map { TopicImpact(topic: $0, all: all, critics: critics[$0] ?? NPSStatistics()) }
    }

    /// Impact of every contract topic on each unit's NPS (units with at least one scored response).
    public var unitTopicImpacts: [(unit: String?, impact: TopicImpact)] {
        byUnit.filter { $0.value.n > 0 }.sorted { ($0.key ?? "") < ($1.key ?? "") }.flatMap { unit, stats in
            Topic.allCases.map { topic in
                (unit: unit, impact: TopicImpact(
                    topic: topic, all: stats, critics: unitCritics[UnitTopic(unit: unit, topic: topic)] ?? NPSStatistics()))
            }
        }
    }
}

extension TopicCounts {
    mutating func count(_ label: MentionLabel, firstOfTopic: Bool) {
        switch label {
        case .praise: praise += 1
        case .criticism: criticism += 1
        case .suggestion: suggestion += 1
        }
        if firstOfTopic { responses += 1 }
    }
}
