import PalauteClassify
import Testing

@testable import PalauteLLM

@Suite struct AnswerValidatorTests {
    @Test func acceptsContractAnswerAndFences() throws {
        let fenced = "```json\n" + #"{"topics":[{"topic":"staff_manner","label":"praise"},{"topic":"waiting","label":"criticism"}],"sentiment":"mixed","flags":["contact_request"]}"# + "\n```"
        let answer = try AnswerValidator.validate(fenced).get()
        #expect(answer.topics == [TopicLabel(topic: .waiting, label: .criticism), TopicLabel(topic: .staffManner, label: .praise)])
        #expect(answer.sentiment == .mixed)
        #expect(answer.flags == [.contactRequest])
    }

    @Test func rejectsEveryContractBreach() {
        let cases: [(String, AnswerValidationError)] = [
            (#"{"topics":[{"topic":"wait"#, .notJSON),
            ("Sure! Here are the labels.", .notJSON),
            (#"[1,2]"#, .notAnObject),
            (#"{"sentiment":"neutral","flags":[]}"#, .missingField("topics")),
            (#"{"topics":[],"flags":[]}"#, .missingField("sentiment")),
            (#"{"topics":[],"sentiment":"neutral"}"#, .missingField("flags")),
            (#"{"topics":[{"topic":"parking","label":"criticism"}],"sentiment":"negative","flags":[]}"#, .unknownTopic("parking")),
            (#"{"topics":[{"topic":"waiting","label":"complaint"}],"sentiment":"negative","flags":[]}"#, .unknownLabel("complaint")),
            (#"{"topics":[{"topic":"waiting"}],"sentiment":"negative","flags":[]}"#, .missingField("topics[].label")),
            (#"{"topics":[],"sentiment":"angry","flags":[]}"#, .unknownSentiment("angry")),
            (#"{"topics":[],"sentiment":"neutral","flags":["urgent"]}"#, .unknownFlag("urgent")),
            (#"{"topics":"waiting","sentiment":"neutral","flags":[]}"#, .wrongType(field: "topics", expected: "an array")),
            (#"{"topics":[],"sentiment":"neutral","flags":[],"note":"x"}"#, .unexpectedField("note")),
        ]
        for (content, expected) in cases {
            #expect(AnswerValidator.validate(content) == .failure(expected), "\(content)")
        }
    }

    @Test func canonicalJSONIsSortedAndDeduplicated() throws {
        let a = try AnswerValidator.validate(
            #"{"topics":[{"topic":"price","label":"criticism"},{"topic":"waiting","label":"criticism"},{"topic":"price","label":"criticism"}],"sentiment":"negative","flags":["safety","safety"]}"#
        ).get()
        #expect(a.canonicalJSON == #"{"flags":["safety"],"sentiment":"negative","topics":[{"label":"criticism","topic":"waiting"},{"label":"criticism","topic":"price"}]}"#)
        #expect(try AnswerValidator.validate(a.canonicalJSON).get() == a)
    }
}
