import Foundation
import PalauteText

/// The lexicon-driven classifier. Immutable and `Sendable`: share one across worker threads, while each
/// worker owns its own `TextAnalyzer` (Voikko handles are not thread-safe).
public struct Classifier: Sendable {
    public let bundle: LexiconBundle
    /// `sentiment` and `all` (non-name) exclusions per language, filtered once rather than for every clause.
    let sentimentExclusions: [Language: [ExclusionEntry]]
    /// The learned general-domain backoff (nil: the rules alone).
    public let sentimentModel: SentimentModel?

    /// The lexicon's content hash, with the sentiment model's folded in: a result traces to both.
    public let lexiconVersion: String
    /// General-domain text (forum posts, not patient feedback): the learned model decides every text's
    /// sentiment, the rules' verdict being one of its features (`evaluate --finnsentiment --general-domain`).
    public var generalDomain = false

    public init(bundle: LexiconBundle, sentimentModel: SentimentModel? = nil) {
        self.bundle = bundle
        self.sentimentModel = sentimentModel
        lexiconVersion = Self.version(bundle, sentimentModel)
        sentimentExclusions = Self.sentimentExclusions(bundle)
    }

    /// Loads the bundled lexicons and sentiment model (see `ResourceLocator`), or those under `lexicons` and
    /// `models` when given.
    public init(lexicons: String? = nil, models: String? = nil) throws {
        self.init(bundle: try LexiconBundle.locate(explicit: lexicons), sentimentModel: try SentimentModel.locate(explicit: models))
    }

    static func sentimentExclusions(_ bundle: LexiconBundle) -> [Language: [ExclusionEntry]] {
        var ex: [Language: [ExclusionEntry]] = [:]
        for (lang, lex) in bundle.lexicons {
            ex[lang] = lex.exclusions.filter { $0.scope == .sentiment || $0.scope == .all && $0.kind != .name }
        }
        return ex
    }

    static func version(_ bundle: LexiconBundle, _ model: SentimentModel?) -> String {
        guard let model else { return bundle.version }
        var h = FNV1a()
        h.combine(bundle.version)
        h.combine(model.version)
        return h.hex
    }

    /// Classifies one analysed response. `language` overrides the analyser's language (debugging only).
    public func classify(_ analyzed: AnalyzedText, score: Int?, language: Language? = nil) -> Classification {
        var trace = Trace(enabled: false)
        return run(analyzed, score: score, language: language, trace: &trace)
    }

    /// The batch path: lexicon look-ups are cached per word form in the worker's own cache.
    func classify(_ analyzed: AnalyzedText, score: Int?, language: Language?, cache: LookupCache) -> Classification {
        var trace = Trace(enabled: false)
        return run(analyzed, score: score, language: language, cache: cache, trace: &trace)
    }

    /// Classifies and records every rule that fired, for `palaute explain`.
    public func explain(_ analyzed: AnalyzedText, score: Int?, language: Language? = nil) -> Explanation {
        var trace = Trace(enabled: true)
        let c = run(analyzed, score: score, language: language, trace: &trace)
        return Explanation(steps: trace.steps, classification: c, tokens: trace.tokens)
    }

    /// The language to read the text in: the analyser's, unless it reports Finnish for a text Voikko hardly
    /// knows and the Swedish or English lexicon covers clearly better (a fallback until language id is sure).
    func resolveLanguage(_ analyzed: AnalyzedText) -> Language {
        guard analyzed.language == .fi else { return analyzed.language }
        let instruction = Set(analyzed.instructionTokens)
        let words = analyzed.tokens.indices.filter { analyzed.tokens[$0].token.kind == .word && !instruction.contains($0) }
            .map { analyzed.tokens[$0] }
        guard !words.isEmpty else { return .fi }
        let known = words.filter { !$0.analyses.isEmpty }.count
        // Mostly known words: neither fallback below can apply, so the function words need not be counted.
        let unknownShare = 1 - Double(known) / Double(words.count)
        if unknownShare <= 0.3 { return .fi }
        var best: (Language, Int) = (.fi, 0)
        for lang in [Language.sv, .en] {
            let lex = bundle[lang]
            guard lex.language == lang else { continue }
            let function = words.map { lex.functionWords.contains(TokenForms(lemmas: [], surface: $0.normalized.lowercased()).surface) }
            // A word Voikko does not know that this language's lexicon does ("Tydliga instruktioner") counts too.
            let known = words.map { w -> Bool in
                guard w.analyses.isEmpty else { return false }
                let surface = w.normalized.lowercased()
                let forms = TokenForms(lemmas: [surface], surface: surface)
                return !lex.sentimentEntries(forms).isEmpty || !lex.topicEntries(forms).isEmpty
            }
            let hits = zip(function, known).filter { $0 || $1 }.count
            // Finnish words Voikko knows that are no function words of this language ("Erinomaista palvelua
            // ruotsiksi, tack så mycket!"): a closing phrase in another language does not outweigh them.
            let finnish = zip(words, function).filter { !$0.0.analyses.isEmpty && !$0.1 }.count
            if hits > best.1, hits > finnish { best = (lang, hits) }
        }
        if best.1 >= 2 && unknownShare > 0.3 { return best.0 }
        if best.1 >= 1 && words.count <= 3 && unknownShare >= 0.5 { return best.0 }
        return .fi
    }
}

/// Collects explanation steps when enabled; free otherwise.
struct Trace {
    var enabled: Bool
    var steps: [Explanation.Step] = []
    var tokens: [(text: String, lemmas: [String], clause: Int)] = []
    /// Set by `sentimentReading`: record the learned model's features even where it is not consulted.
    var captureSentiment = false
    var sentiment: SentimentReading?

    mutating func add(_ words: @autoclosure () -> String, _ rule: String, _ effect: @autoclosure () -> String,
                      source: LexiconSource? = nil, clause: Int) {
        guard enabled else { return }
        steps.append(Explanation.Step(words: words(), rule: rule, effect: effect(), source: source?.description, clause: clause))
    }
}
