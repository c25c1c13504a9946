import PalauteClassify

/// Combines the lexicon's classification with a validated LLM answer (policy in docs/llm.md):
///
/// 1. Flags are the union: a safety, contact or complaint signal found by either stands.
/// 2. Topics and labels: the LLM's replace the lexicon's, because a response is only asked about when the
///    run's policy chose it; except when the LLM found nothing and the lexicon found something, then the
///    lexicon's stand (an empty answer is weak evidence).
/// 3. Sentiment and follow-up are recomputed from the merged labels and flags by the contract's rules.
/// 4. Every label the LLM contributed carries `llm` provenance with model, prompt version and cache key;
///    lexicon labels keep no entry (absent means lexicon). Evidence of dropped lexicon labels is removed.
/// 5. Confidence: 0.9 or more when both agree on the topic labels, 0.6 when the LLM overruled the lexicon,
///    unchanged when the lexicon's labels were kept.
public enum LabelMerger {
    public enum Outcome: String, Sendable, Codable {
        /// The LLM gave the same topic labels as the lexicon.
        case agreed
        /// The LLM's topic labels replaced the lexicon's.
        case replaced
        /// The LLM found no topic and the lexicon's labels were kept.
        case keptLexicon = "kept_lexicon"
    }

    public static func merge(
        lexicon: Classification, answer: LLMAnswer, score: Int?, provenance: Provenance
    ) -> (Classification, Outcome) {
        var merged = lexicon
        let lexiconTopics = Set(lexicon.topics)
        let llmTopics = Set(answer.topics)

        let outcome: Outcome
        if llmTopics.isEmpty, !lexiconTopics.isEmpty {
            outcome = .keptLexicon
        } else if llmTopics == lexiconTopics {
            outcome = .agreed
        } else {
            outcome = .replaced
        }

        if outcome != .keptLexicon {
            merged.topics = llmTopics.sorted()
            for key in merged.provenance.keys where key.hasPrefix("topic:") {
                merged.provenance[key] = nil
            }
            for label in merged.topics {
                merged.provenance[key(label)] = provenance
            }
            let kept = Set(merged.topics.map(key))
            merged.evidence.removeAll { $0.target.hasPrefix("topic:") && !kept.contains($0.target) }
        }

        let lexiconFlags = Set(lexicon.flags)
        merged.flags = lexiconFlags.union(answer.flags).sorted()
        for flag in answer.flags where !lexiconFlags.contains(flag) {
            merged.provenance["flag:\(flag.rawValue)"] = provenance
        }

        let sentiment = Sentiment(labels: merged.topics)
        if sentiment != lexicon.sentiment || outcome == .replaced {
            merged.provenance["sentiment"] = provenance
        }
        merged.sentiment = sentiment
        merged.followUp = FollowUpRule.applies(score: score, topics: merged.topics, flags: merged.flags)

        switch outcome {
        case .agreed: merged.confidence = max(lexicon.confidence, 0.9)
        case .replaced: merged.confidence = 0.6
        case .keptLexicon: break
        }
        return (merged, outcome)
    }

    static func key(_ label: TopicLabel) -> String { "topic:\(label.topic.rawValue):\(label.label.rawValue)" }
}
