import Testing
@testable import PalauteClassify

@Suite struct EvaluationTests {
    func prediction(_ topics: [TopicLabel], flags: [Flag] = [], followUp: Bool = false) -> Classification {
        Classification(lang: .fi, sentiment: Sentiment(labels: topics), topics: topics, flags: flags, followUp: followUp,
                       nps: nil, confidence: 1, mismatch: false, evidence: [], lexiconVersion: "test")
    }

    let wp = TopicLabel(topic: .waiting, label: .praise)
    let wc = TopicLabel(topic: .waiting, label: .criticism)
    let sp = TopicLabel(topic: .staffManner, label: .praise)
    let pc = TopicLabel(topic: .price, label: .criticism)

    /// Three responses with hand-computed answers:
    /// 1. gold {waiting:c, staff:p}, predicted {waiting:c, staff:p}: all right.
    /// 2. gold {price:c}, predicted {price:c, waiting:p}: one invented pair and topic.
    /// 3. gold {waiting:c}, predicted {waiting:p}: topic right, pair wrong; flag and follow-up missed.
    func fixture() -> Evaluation {
        var e = Evaluation()
        e.add(gold: GoldLabels(sentiment: .mixed, topics: [wc, sp], flags: [], followUp: true),
              predicted: prediction([wc, sp], followUp: true))
        e.add(gold: GoldLabels(sentiment: .negative, topics: [pc], flags: [], followUp: false),
              predicted: prediction([pc, wp]))
        e.add(gold: GoldLabels(sentiment: .negative, topics: [wc], flags: [.safety], followUp: true),
              predicted: prediction([wp]))
        return e
    }

    @Test func microPairs() {
        let e = fixture()
        // pairs: tp = 2 + 1 + 0 = 3, fp = 0 + 1 + 1 = 2, fn = 0 + 0 + 1 = 1
        #expect(e.pairs == PRF(tp: 3, fp: 2, fn: 1))
        #expect(abs(e.pairs.precision - 0.6) < 1e-9)
        #expect(abs(e.pairs.recall - 0.75) < 1e-9)
        #expect(abs(e.pairs.f1 - 2 * 0.6 * 0.75 / 1.35) < 1e-9)
    }

    @Test func microTopics() {
        // topics: tp = 2 + 1 + 1 = 4, fp = 0 + 1 + 0 = 1, fn = 0
        #expect(fixture().topics == PRF(tp: 4, fp: 1, fn: 0))
    }

    @Test func perTopicF1() {
        let e = fixture()
        // waiting: gold in 1 and 3, predicted in 1, 2 and 3 → tp 2, fp 1, fn 0 → F1 0.8
        #expect(abs(e.perTopic[.waiting]!.f1 - 0.8) < 1e-9)
        #expect(e.perTopic[.price]!.f1 == 1)
    }

    @Test func sentimentAccuracyAndMacroF1() {
        let e = fixture()
        // predicted: mixed (right), mixed (wrong, gold negative), positive (wrong, gold negative)
        #expect(abs(e.sentimentAccuracy - 1.0 / 3.0) < 1e-9)
        // classes mixed: tp1 fp1 fn0 → F1 2/3; negative: tp0 fn2 → 0; positive: fp1 → 0. Macro over 3 = 2/9.
        #expect(abs(e.sentimentMacroF1 - 2.0 / 9.0) < 1e-9)
    }

    @Test func flagsAndFollowUp() {
        let e = fixture()
        #expect(e.perFlag[.safety] == PRF(tp: 0, fp: 0, fn: 1))
        #expect(e.perFlag[.safety]!.recall == 0)
        #expect(e.followUp == PRF(tp: 1, fp: 0, fn: 1))
    }

    @Test func costliestErrorsFirst() {
        let e = fixture()
        let top = e.topErrors
        #expect(top.first?.0 == "invented waiting:praise" && top.first?.1 == 2)
        #expect(top.contains { $0.0 == "missed waiting:criticism" && $0.1 == 1 })
    }

    @Test func mccAndMacroF1OfThreeClasses() {
        // A perfect confusion has MCC 1; a constant prediction has MCC 0.
        let perfect = ClassScores(confusion: ["positive": ["positive": 5], "neutral": ["neutral": 3], "negative": ["negative": 2]])
        #expect(abs(perfect.mcc - 1) < 1e-9 && abs(perfect.macroF1 - 1) < 1e-9)
        let constant = ClassScores(confusion: ["positive": ["neutral": 5], "neutral": ["neutral": 3], "negative": ["neutral": 2]])
        #expect(constant.mcc == 0)
        #expect(abs(constant.accuracy - 0.3) < 1e-9)
    }
}
