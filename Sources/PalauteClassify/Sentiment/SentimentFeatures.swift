import PalauteText

/// The features of the learned sentiment model. The same code serves training (`palaute sentiment-features`
/// dumps them for scripts/train-sentiment.py) and inference, so the two cannot drift apart.
///
/// - `w:<lemma>` every word's first lemma (the written form when Voikko does not know it);
/// - `n:<lemma>` words after a negation verb in the same clause ("ei ollut hyvä" → `n:olla`, `n:hyvä`);
/// - `b:<lemma> <lemma>` neighbouring words of a clause;
/// - `e:<emoticon>` emoticons and emoji as written, `e+`/`e-` for those the curated lexicon weighs;
/// - `p:!`, `p:!!`, `p:?`, `p:...` punctuation, `caps` a shouted word, `len:<bucket>` the word count;
/// - `cur:<sentiment>` the rules' own verdict so far, `lex+`/`lex-` clauses the curated lexicon found polar.
enum SentimentFeatures {
    static func extract(_ text: PreparedText, readings: [ClauseReading], curated: Sentiment, lexicon: Lexicon) -> [String] {
        var out: [String] = []
        out.reserveCapacity(text.tokens.count * 3 + 6)
        var negatedClause = -1
        var previous: (lemma: String, clause: Int)?
        var words = 0, exclamations = 0
        var question = false, ellipsis = false, caps = false
        for t in text.tokens {
            switch t.kind {
            case .word:
                words += 1
                let lemma = t.forms.lemmas.first ?? t.forms.surface
                out.append("w:" + lemma)
                if negatedClause == t.clause { out.append("n:" + lemma) }
                if t.isNegationVerb { negatedClause = t.clause }
                if let p = previous, p.clause == t.clause { out.append("b:" + p.lemma + " " + lemma) }
                previous = (lemma, t.clause)
                if t.allCaps { caps = true }
            case .emoticon, .emoji:
                out.append("e:" + t.text)
                if let w = lexicon.symbolSentiment[t.text]?.weight { out.append(w > 0 ? "e+" : "e-") }
                previous = nil
            case .punctuation:
                if t.text.contains("!") { exclamations += t.text.filter { $0 == "!" }.count }
                if t.text.contains("?") { question = true }
                if t.text.contains("..") || t.text.contains("…") { ellipsis = true }
                previous = nil
            default:
                previous = nil
            }
        }
        if exclamations > 0 { out.append("p:!") }
        if exclamations > 1 { out.append("p:!!") }
        if question { out.append("p:?") }
        if ellipsis { out.append("p:...") }
        if caps { out.append("caps") }
        out.append("len:" + (words <= 1 ? "1" : words <= 3 ? "3" : words <= 7 ? "7" : words <= 15 ? "15" : "more"))
        out.append("cur:" + curated.rawValue)
        if readings.contains(where: { $0.polarity >= Classifier.labelThreshold }) { out.append("lex+") }
        if readings.contains(where: { $0.polarity <= -Classifier.labelThreshold }) { out.append("lex-") }
        return out
    }
}
