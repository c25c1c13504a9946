import PalauteClassify
import Testing
@testable import PalauteReport

@Suite struct NPSStatisticsTests {
    private func close(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
        guard let a else { return false }
        return abs(a - b) <= tolerance
    }

    @Test func noScoresHaveNoNPS() {
        let s = NPSStatistics()
        #expect(s.n == 0)
        #expect(s.nps == nil)
        #expect(s.standardError == nil)
        #expect(s.margin95 == nil)
        #expect(s.interval95 == nil)
        #expect(s.isSmallSample)
    }

    @Test func singleResponses() {
        // n = 1: p + d − (p − d)² = 0 in every category, so the standard error is 0 (and the sample is tiny).
        let promoter = NPSStatistics(scores: [10])
        #expect(promoter.nps == 100)
        #expect(promoter.standardError == 0)
        #expect(promoter.margin95 == 0)
        #expect(promoter.isSmallSample)
        let detractor = NPSStatistics(scores: [0])
        #expect(detractor.nps == -100)
        #expect(detractor.margin95 == 0)
        let passive = NPSStatistics(scores: [7])
        #expect(passive.nps == 0)
        #expect(passive.margin95 == 0)
    }

    @Test func allPromoters() {
        let s = NPSStatistics(promoters: 40)
        #expect(s.nps == 100)
        #expect(s.standardError == 0)
        #expect(s.interval95 == 100...100)
        #expect(!s.isSmallSample)
    }

    @Test func handComputedMixedUnit() {
        // p = 0.5, d = 0.2: NPS 30; p + d − (p − d)² = 0.61; SE = 100·√(0.61 / 10) = 24.6981780705; margin 48.4084290182.
        let s = NPSStatistics(promoters: 5, passives: 3, detractors: 2)
        #expect(s.n == 10)
        #expect(close(s.nps, 30))
        #expect(close(s.standardError, 24.698178070456938))
        #expect(close(s.margin95, 48.40842901809560))
        #expect(close(s.interval95?.lowerBound, 30 - 48.40842901809560))
        // Ten times the answers, same shares: SE shrinks by √10 to 7.8102496759.
        let big = NPSStatistics(promoters: 50, passives: 30, detractors: 20)
        #expect(close(big.standardError, 7.810249675906654))
        #expect(close(big.margin95, 15.308089364777042))
        #expect(!big.isSmallSample)
    }

    @Test func polarisedUnitHasTheWidestMargin() {
        // Half promoters, half detractors: NPS 0, variance term 1, SE = 100·√(1/4) = 50, margin 98.
        let s = NPSStatistics(promoters: 2, detractors: 2)
        #expect(s.nps == 0)
        #expect(close(s.standardError, 50))
        #expect(close(s.margin95, 98))
    }

    @Test func scoresAreCategorisedByTheContract() {
        let s = NPSStatistics(scores: [10, 9, 8, 7, 6, 0, nil, 11, -1])
        #expect(s == NPSStatistics(promoters: 2, passives: 2, detractors: 2))
        #expect(NPSStatistics.smallSampleThreshold == 30)
    }
}

@Suite struct TopicImpactTests {
    @Test func criticsOfATopicPullTheNPSDown() {
        // All: 5 promoters, 3 passives, 2 detractors → NPS 30. Waiting critics: 1 passive and 2 detractors.
        // Without them: 5 promoters, 2 passives → NPS 500/7 = 71.428571…; impact 30 − 71.428571… = −41.428571…
        let i = TopicImpact(
            topic: .waiting, all: NPSStatistics(promoters: 5, passives: 3, detractors: 2),
            critics: NPSStatistics(passives: 1, detractors: 2))
        #expect(i.withoutCritics == NPSStatistics(promoters: 5, passives: 2))
        #expect(abs(i.impact! - (30 - 500.0 / 7)) < 1e-9)
        #expect(i.impact! < -41.42 && i.impact! > -41.43)
    }

    @Test func noCriticsNoImpact() {
        let i = TopicImpact(topic: .price, all: NPSStatistics(promoters: 3, detractors: 1), critics: NPSStatistics())
        #expect(i.impact == 0)
    }

    @Test func everyoneCriticisedLeavesNothingToCompare() {
        let all = NPSStatistics(promoters: 1, detractors: 2)
        #expect(TopicImpact(topic: .access, all: all, critics: all).impact == nil)
        #expect(TopicImpact(topic: .access, all: NPSStatistics(), critics: NPSStatistics()).impact == nil)
    }

    @Test func criticismFromAPromoterRaisesTheImpact() {
        // A 10 with a complaint (a mismatch): without that promoter the NPS falls, so the impact is positive.
        let i = TopicImpact(topic: .facilities, all: NPSStatistics(promoters: 1, detractors: 1), critics: NPSStatistics(promoters: 1))
        #expect(i.impact == 100)
    }

    @Test func aggregatesCountEachCriticOnce() throws {
        var a = Aggregates()
        func row(_ id: Int64, _ score: Int?, _ topics: [TopicLabel]) -> StoredResponse {
            StoredResponse(
                id: id, source: "s", externalID: "\(id)", unit: "A", day: "2026-03-02", score: score, text: "",
                resultID: id, sentiment: Sentiment(labels: topics), mismatch: false, followUp: false, topics: topics,
                flags: [])
        }
        let waitingCrit = TopicLabel(topic: .waiting, label: .criticism)
        let waitingSugg = TopicLabel(topic: .waiting, label: .suggestion)
        for (i, s) in [10, 10, 10, 10, 10, 8, 8].enumerated() { a.add(row(Int64(i), s, [])) }
        a.add(row(10, 7, [waitingCrit, waitingSugg]))
        a.add(row(11, 3, [waitingCrit]))
        a.add(row(12, 0, [waitingCrit]))
        a.add(row(13, nil, [waitingCrit]))  // no score: not in the NPS, still counted as a mention
        let waiting = try #require(a.topicImpacts.first { $0.topic == .waiting })
        #expect(waiting.all == NPSStatistics(promoters: 5, passives: 3, detractors: 2))
        #expect(waiting.critics == NPSStatistics(passives: 1, detractors: 2))
        #expect(abs(waiting.impact! - (30 - 500.0 / 7)) < 1e-9)
        #expect(a.topicTotals[.waiting] == TopicCounts(praise: 0, criticism: 4, suggestion: 1, responses: 4))
    }
}

@Suite struct ReportPeriodTests {
    @Test(arguments: [
        ("2026-03-04", "2026-03-02", "2026-W10"),  // Wednesday
        ("2026-03-02", "2026-03-02", "2026-W10"),  // Monday
        ("2026-03-08", "2026-03-02", "2026-W10"),  // Sunday
        ("2026-01-01", "2025-12-29", "2026-W01"),  // Thursday: week 1 of 2026
        ("2027-01-01", "2026-12-28", "2026-W53"),  // Friday: last week of 2026 (which has 53)
        ("2024-12-30", "2024-12-30", "2025-W01"),  // Monday in December, ISO year 2025
        ("2024-02-29", "2024-02-26", "2024-W09"),  // leap day
    ])
    func isoWeeks(_ day: String, _ monday: String, _ week: String) {
        #expect(ReportPeriod.week.key(forDay: day) == monday)
        #expect(ReportPeriod.isoWeek(ofDay: day) == week)
        #expect(ReportPeriod.month.key(forDay: day) == String(day.prefix(7)))
    }

    @Test func unreadableDateHasNoPeriod() {
        #expect(ReportPeriod.week.key(forDay: "maaliskuu") == nil)
    }
}
