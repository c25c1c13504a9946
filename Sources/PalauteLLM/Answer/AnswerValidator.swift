import Foundation
import PalauteClassify

/// Why a model's answer was rejected. The descriptions quote ids, never comment text.
public enum AnswerValidationError: Error, Equatable, CustomStringConvertible {
    case notJSON
    case notAnObject
    case missingField(String)
    case wrongType(field: String, expected: String)
    case unknownTopic(String)
    case unknownLabel(String)
    case unknownSentiment(String)
    case unknownFlag(String)
    case unexpectedField(String)

    public var description: String {
        switch self {
        case .notJSON: "answer is not valid JSON"
        case .notAnObject: "answer is not a JSON object"
        case .missingField(let f): "answer has no \"\(f)\" field"
        case .wrongType(let f, let t): "answer field \"\(f)\" is not \(t)"
        case .unknownTopic(let t): "answer uses unknown topic id \"\(Self.clip(t))\""
        case .unknownLabel(let l): "answer uses label \"\(Self.clip(l))\" outside praise/criticism/suggestion"
        case .unknownSentiment(let s): "answer uses sentiment \"\(Self.clip(s))\" outside the enum"
        case .unknownFlag(let f): "answer uses unknown flag \"\(Self.clip(f))\""
        case .unexpectedField(let f): "answer has unexpected field \"\(Self.clip(f))\""
        }
    }

    /// Model output is not trusted: keep what reaches a log short.
    private static func clip(_ s: String) -> String { s.count > 40 ? String(s.prefix(40)) + "…" : s }
}

/// Checks a model's message content against the answer contract of `schema-v1.json`.
///
/// The contract is enforced here in code, whatever the provider claims about structured output, because
/// plain-JSON providers and small models do produce unknown ids and broken JSON.
public enum AnswerValidator {
    public static func validate(_ content: String) -> Result<LLMAnswer, AnswerValidationError> {
        let text = stripFences(content)
        guard let data = text.data(using: .utf8), let value = try? JSONDecoder().decode(JSONValue.self, from: data) else {
            return .failure(.notJSON)
        }
        guard case .object(let object) = value else { return .failure(.notAnObject) }
        for key in object.keys where !["topics", "sentiment", "flags"].contains(key) {
            return .failure(.unexpectedField(key))
        }
        guard let topicsValue = object["topics"] else { return .failure(.missingField("topics")) }
        guard let sentimentValue = object["sentiment"] else { return .failure(.missingField("sentiment")) }
        guard let flagsValue = object["flags"] else { return .failure(.missingField("flags")) }
        guard case .array(let topicItems) = topicsValue else {
            return .failure(.wrongType(field: "topics", expected: "an array"))
        }
        var topics: [TopicLabel] = []
        for item in topicItems {
            guard case .object(let o) = item else {
                return .failure(.wrongType(field: "topics[]", expected: "an object"))
            }
            for key in o.keys where key != "topic" && key != "label" { return .failure(.unexpectedField("topics[].\(key)")) }
            guard let t = o["topic"] else { return .failure(.missingField("topics[].topic")) }
            guard let l = o["label"] else { return .failure(.missingField("topics[].label")) }
            guard let ts = t.stringValue else { return .failure(.wrongType(field: "topics[].topic", expected: "a string")) }
            guard let ls = l.stringValue else { return .failure(.wrongType(field: "topics[].label", expected: "a string")) }
            guard let topic = Topic(rawValue: ts) else { return .failure(.unknownTopic(ts)) }
            guard let label = MentionLabel(rawValue: ls) else { return .failure(.unknownLabel(ls)) }
            topics.append(TopicLabel(topic: topic, label: label))
        }
        guard let s = sentimentValue.stringValue else {
            return .failure(.wrongType(field: "sentiment", expected: "a string"))
        }
        guard let sentiment = Sentiment(rawValue: s) else { return .failure(.unknownSentiment(s)) }
        guard case .array(let flagItems) = flagsValue else {
            return .failure(.wrongType(field: "flags", expected: "an array"))
        }
        var flags: [Flag] = []
        for item in flagItems {
            guard let fs = item.stringValue else { return .failure(.wrongType(field: "flags[]", expected: "a string")) }
            guard let flag = Flag(rawValue: fs) else { return .failure(.unknownFlag(fs)) }
            flags.append(flag)
        }
        return .success(LLMAnswer(topics: topics, sentiment: sentiment, flags: flags))
    }

    /// Removes a surrounding Markdown code fence (```json … ```), which chat models add unasked.
    static func stripFences(_ content: String) -> String {
        var text = content.trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasPrefix("```") else { return text }
        text.removeFirst(3)
        if let newline = text.firstIndex(of: "\n") {
            let tag = text[text.startIndex..<newline].trimmingCharacters(in: .whitespaces)
            if tag.isEmpty || tag.allSatisfy({ $0.isLetter }) { text = String(text[text.index(after: newline)...]) }
        }
        text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasSuffix("```") { text.removeLast(3) }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
