import Testing
@testable import PalauteClassify

@Suite struct TaxonomyTests {
    @Test(arguments: [(0, NPSCategory.detractor), (6, .detractor), (7, .passive), (8, .passive), (9, .promoter), (10, .promoter)])
    func npsFromScore(score: Int, expected: NPSCategory) {
        #expect(NPSCategory(score: score) == expected)
    }

    @Test func npsNoneForMissingOrInvalid() {
        #expect(NPSCategory(score: nil) == nil)
        #expect(NPSCategory(score: 11) == nil)
    }

    @Test func followUpRule() {
        let crit = [TopicLabel(topic: .waiting, label: .criticism)]
        let praise = [TopicLabel(topic: .waiting, label: .praise)]
        #expect(FollowUpRule.applies(score: 4, topics: crit, flags: []))
        #expect(!FollowUpRule.applies(score: 4, topics: praise, flags: []))
        #expect(!FollowUpRule.applies(score: 9, topics: crit, flags: []))
        #expect(FollowUpRule.applies(score: 10, topics: praise, flags: [.safety]))
        #expect(!FollowUpRule.applies(score: nil, topics: crit, flags: []))
    }

    @Test func sentimentFollowsLabels() {
        #expect(Sentiment(labels: [TopicLabel(topic: .waiting, label: .criticism), TopicLabel(topic: .overall, label: .praise)]) == .mixed)
        #expect(Sentiment(labels: [TopicLabel(topic: .waiting, label: .suggestion)]) == .neutral)
    }
}
