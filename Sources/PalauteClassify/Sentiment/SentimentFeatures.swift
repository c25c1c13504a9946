import PalauteText

/// The features of the learned sentiment model. The same code serves training (`palaute sentiment-features`
/// dumps them for scripts/train-sentiment.py) and inference, so the two cannot drift apart.
///
/// - `w:<lemma>` every word's first lemma (the written form when Voikko does not know it);
/// - `n:<lemma>` words after a negation verb in the same clause ("ei ollut hyvä" → `n:olla`, `n:hyvä`);
/// - `e:<emoticon>` emoticons and emoji as written, `e+`/`e-` for those the curated lexicon weighs;
/// - `p:!`, `p:!!`, `p:?`, `p:...` punctuation, `caps` a shouted word, `len:<bucket>` the word count;
/// - `cur:<sentiment>` the rules' own verdict so far, `lex+`/`lex-` clauses the curated lexicon found polar.
enum SentimentFeatures {
    /// The features as the names the training script and the model file use.
    static func extract(_ text: PreparedText, readings: [ClauseReading], curated: Sentiment, lexicon: Lexicon) -> [String] {
        var out: [String] = []
        out.reserveCapacity(text.tokens.count * 3 + 6)
        visit(text, readings: readings, curated: curated, lexicon: lexicon) { out.append($0.name) }
        return out
    }

    /// Calls `emit` with every feature, in order; inference scores them without building their names.
    static func visit(_ text: PreparedText, readings: [ClauseReading], curated: Sentiment, lexicon: Lexicon,
                      _ emit: (SentimentFeature) -> Void) {
        var negatedClause = -1
        var words = 0, exclamations = 0
        var question = false, ellipsis = false, caps = false
        for t in text.tokens {
            switch t.kind {
            case .word:
                words += 1
                let lemma = t.forms.lemmas.first ?? t.forms.surface
                emit(.word(lemma))
                if negatedClause == t.clause { emit(.negated(lemma)) }
                if t.isNegationVerb { negatedClause = t.clause }
                if t.allCaps { caps = true }
            case .emoticon, .emoji:
                emit(.other("e:" + t.text))
                if let w = lexicon.symbolSentiment[t.text]?.weight { emit(.other(w > 0 ? "e+" : "e-")) }
            case .punctuation:
                let bytes = t.text.utf8
                exclamations += bytes.reduce(0) { $0 + ($1 == UInt8(ascii: "!") ? 1 : 0) }
                if bytes.contains(UInt8(ascii: "?")) { question = true }
                if t.text.utf8Contains("..") || t.text.utf8Contains("…") { ellipsis = true }
            default:
                break
            }
        }
        if exclamations > 0 { emit(.other("p:!")) }
        if exclamations > 1 { emit(.other("p:!!")) }
        if question { emit(.other("p:?")) }
        if ellipsis { emit(.other("p:...")) }
        if caps { emit(.other("caps")) }
        emit(.other(words <= 1 ? "len:1" : words <= 3 ? "len:3" : words <= 7 ? "len:7" : words <= 15 ? "len:15" : "len:more"))
        emit(.other("cur:" + curated.rawValue))
        if readings.contains(where: { $0.polarity >= Classifier.labelThreshold }) { emit(.other("lex+")) }
        if readings.contains(where: { $0.polarity <= -Classifier.labelThreshold }) { emit(.other("lex-")) }
    }
}

/// One feature: words keep their lemma apart, so that scoring looks them up without building a name. (Lemma
/// bigrams were tried and dropped: no gain in cross-validation, twice the model.)
enum SentimentFeature: Equatable {
    case word(String)
    case negated(String)
    case other(String)

    var name: String {
        switch self {
        case .word(let l): "w:" + l
        case .negated(let l): "n:" + l
        case .other(let s): s
        }
    }

    init(name: String) {
        if name.hasPrefix("w:") {
            self = .word(String(name.dropFirst(2)))
        } else if name.hasPrefix("n:") {
            self = .negated(String(name.dropFirst(2)))
        } else {
            self = .other(name)
        }
    }
}
