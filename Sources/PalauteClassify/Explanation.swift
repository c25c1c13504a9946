/// Why the classifier decided what it did: one step per rule that fired, in the order they fired.
public struct Explanation: Sendable {
    public struct Step: Sendable, Hashable, CustomStringConvertible {
        /// The words the step looked at, as written.
        public var words: String
        /// The rule, e.g. `sentiment-word`, `negation`, `idiom`, `topic-lemma`, `suggestion:conditional`.
        public var rule: String
        /// What the step contributed, e.g. `+2.0`, `topic staff_manner`.
        public var effect: String
        /// The lexicon line, as `file:line`.
        public var source: String?
        public var clause: Int

        public var description: String {
            "[clause \(clause)] \(words)  →  \(rule): \(effect)" + (source.map { "  (\($0))" } ?? "")
        }
    }

    public var steps: [Step]
    public var classification: Classification
    /// Lemmas as the classifier saw them, for lexicon authors.
    public var tokens: [(text: String, lemmas: [String], clause: Int)]

    public init(steps: [Step], classification: Classification, tokens: [(text: String, lemmas: [String], clause: Int)]) {
        self.steps = steps
        self.classification = classification
        self.tokens = tokens
    }
}
