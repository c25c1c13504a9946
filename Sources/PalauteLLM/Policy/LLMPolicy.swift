import PalauteClassify
import PalauteText

/// When the LLM is asked. Off unless a run asks for it.
public enum LLMPolicy: String, Sendable, CaseIterable, Codable {
    case off, uncertain, all
}

/// Why a response was (or was not) judged uncertain; the reasons are reported, so the share sent can be
/// explained.
public struct SelectionReason: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    public static let lowConfidence = SelectionReason(rawValue: 1)
    public static let noTopic = SelectionReason(rawValue: 2)
    public static let mixed = SelectionReason(rawValue: 4)
    public static let notFinnish = SelectionReason(rawValue: 8)

    public var names: [String] {
        var out: [String] = []
        if contains(.lowConfidence) { out.append("low_confidence") }
        if contains(.noTopic) { out.append("no_topic") }
        if contains(.mixed) { out.append("mixed") }
        if contains(.notFinnish) { out.append("not_finnish") }
        return out
    }
}

/// Which responses a policy sends.
public enum LLMSelection {
    /// The lexicon's own doubts: confidence below `threshold`, no topic, or, unless the lexicon's confidence
    /// reaches `mixedLanguageThreshold`, mixed sentiment or a language other than Finnish.
    /// An empty comment is never uncertain: there is nothing to ask about.
    public static func reasons(
        classification: Classification, redactedText: String, threshold: Double, mixedLanguageThreshold: Double = 0.8
    ) -> SelectionReason {
        guard !redactedText.allSatisfy(\.isWhitespace) else { return [] }
        var r: SelectionReason = []
        if classification.confidence < threshold { r.insert(.lowConfidence) }
        if classification.topics.isEmpty { r.insert(.noTopic) }
        let doubtful = classification.confidence < mixedLanguageThreshold
        if doubtful, classification.sentiment == .mixed { r.insert(.mixed) }
        if doubtful, classification.lang != .fi { r.insert(.notFinnish) }
        return r
    }

    public static func shouldSend(
        policy: LLMPolicy, classification: Classification, redactedText: String, threshold: Double = 0.5,
        mixedLanguageThreshold: Double = 0.8
    ) -> Bool {
        guard !redactedText.allSatisfy(\.isWhitespace) else { return false }
        switch policy {
        case .off: return false
        case .all: return true
        case .uncertain:
            return !reasons(
                classification: classification, redactedText: redactedText, threshold: threshold,
                mixedLanguageThreshold: mixedLanguageThreshold
            ).isEmpty
        }
    }

    /// The rule with the config's thresholds, for `classify --llm` and the nightly run.
    public static func shouldSend(
        policy: LLMPolicy, classification: Classification, analyzed: AnalyzedText, config: LLMConfig
    ) -> Bool {
        shouldSend(
            policy: policy, classification: classification, redactedText: analyzed.redaction.text,
            threshold: config.confidenceThreshold, mixedLanguageThreshold: config.mixedLanguageThreshold)
    }
}
