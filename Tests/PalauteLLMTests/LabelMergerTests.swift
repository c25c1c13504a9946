import PalauteClassify
import Testing

@testable import PalauteLLM

@Suite struct LabelMergerTests {
    let provenance = Provenance(source: .llm, model: "m", promptVersion: "v1-abc", cacheKey: "k")

    @Test func llmDecidesTopicsFlagsAreUnion() {
        let lexicon = Fixtures.lexicon(
            topics: [TopicLabel(topic: .overall, label: .praise)], flags: [.safety], confidence: 0.3,
            evidence: [Evidence(target: "topic:overall:praise", start: 0, end: 5, text: "hyvin", rule: "lexicon")])
        let answer = LLMAnswer(
            topics: [TopicLabel(topic: .waiting, label: .criticism), TopicLabel(topic: .staffManner, label: .praise)],
            sentiment: .mixed, flags: [.formalComplaint])
        let (merged, outcome) = LabelMerger.merge(lexicon: lexicon, answer: answer, score: 4, provenance: provenance)
        #expect(outcome == .replaced)
        #expect(merged.topics == [TopicLabel(topic: .waiting, label: .criticism), TopicLabel(topic: .staffManner, label: .praise)])
        #expect(merged.flags == [.safety, .formalComplaint], "the lexicon's safety flag stands")
        #expect(merged.provenance["flag:formal_complaint"] == provenance)
        #expect(merged.provenance["flag:safety"] == nil, "absent means lexicon")
        #expect(merged.provenance["topic:waiting:criticism"] == provenance)
        #expect(merged.provenance["topic:staff_manner:praise"]?.cacheKey == "k")
        #expect(merged.provenance["sentiment"] == provenance)
        #expect(merged.sentiment == .mixed)
        #expect(merged.followUp)
        #expect(merged.evidence.isEmpty, "evidence of a dropped label goes")
        #expect(merged.confidence == 0.6)
    }

    @Test func emptyAnswerKeepsLexiconTopicsButAddsFlags() {
        let lexicon = Fixtures.lexicon(topics: [TopicLabel(topic: .price, label: .criticism)], confidence: 0.4)
        let answer = LLMAnswer(topics: [], sentiment: .neutral, flags: [.safety])
        let (merged, outcome) = LabelMerger.merge(lexicon: lexicon, answer: answer, score: 9, provenance: provenance)
        #expect(outcome == .keptLexicon)
        #expect(merged.topics == lexicon.topics)
        #expect(merged.provenance["topic:price:criticism"] == nil)
        #expect(merged.flags == [.safety])
        #expect(merged.provenance["flag:safety"] == provenance)
        #expect(merged.followUp, "a flag sends a promoter to follow-up too")
        #expect(merged.sentiment == .negative)
        #expect(merged.confidence == 0.4)
    }

    @Test func agreementRaisesConfidence() {
        let topics = [TopicLabel(topic: .competence, label: .praise)]
        let lexicon = Fixtures.lexicon(topics: topics, confidence: 0.45)
        let (merged, outcome) = LabelMerger.merge(
            lexicon: lexicon, answer: LLMAnswer(topics: topics, sentiment: .positive, flags: []), score: 10,
            provenance: provenance)
        #expect(outcome == .agreed)
        #expect(merged.confidence == 0.9)
        #expect(merged.sentiment == .positive)
        #expect(merged.provenance["sentiment"] == nil, "unchanged sentiment stays the lexicon's")
        #expect(!merged.followUp)
    }

    @Test func detractorCriticismFromLLMEntersFollowUp() {
        let lexicon = Fixtures.lexicon(confidence: 0.1)
        let answer = LLMAnswer(topics: [TopicLabel(topic: .access, label: .criticism)], sentiment: .negative, flags: [])
        #expect(LabelMerger.merge(lexicon: lexicon, answer: answer, score: 3, provenance: provenance).0.followUp)
        #expect(!LabelMerger.merge(lexicon: lexicon, answer: answer, score: 8, provenance: provenance).0.followUp)
    }
}
