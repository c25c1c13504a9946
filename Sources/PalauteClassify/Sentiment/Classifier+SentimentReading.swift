import PalauteText

/// What the learned sentiment model sees of one text: its features, whether the rules leave the text to it
/// (no topic label, no suggestion, no lukewarm clause) and the rules' own verdict. For training.
public struct SentimentReading: Sendable {
    public var features: [String]
    /// True when the classifier consults the model for this text.
    public var open: Bool
    /// The rules' sentiment before the model.
    public var curated: Sentiment
}

extension Classifier {
    /// Classifies and returns the sentiment model's view of the text too (`palaute sentiment-features`).
    public func sentimentReading(_ analyzed: AnalyzedText, score: Int? = nil, language: Language? = nil)
        -> (reading: SentimentReading, classification: Classification) {
        var trace = Trace(enabled: false)
        trace.captureSentiment = true
        let c = run(analyzed, score: score, language: language, trace: &trace)
        return (trace.sentiment!, c)
    }
}
