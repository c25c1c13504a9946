/// Turns a response text into analysed tokens. One analyzer per worker: it owns a Voikko handle.
public final class TextAnalyzer {
    private let voikko: Voikko
    private let tokenizer = Tokenizer()
    private static let clauseWords: Set<String> = ["mutta", "vaikka", "kuitenkin", "tosin", "koska", "eikä", "men", "but"]

    public init() throws {
        voikko = try Voikko()
    }

    public func analyze(_ text: String) -> AnalyzedText {
        var out: [AnalyzedToken] = []
        var sentence = 0
        var clause = 0
        for token in tokenizer.tokenize(text) {
            let lower = token.text.lowercased()
            if token.kind == .word, Self.clauseWords.contains(lower), !out.isEmpty, out.last?.clause == clause {
                clause += 1
            }
            let analyses = token.kind == .word ? voikko.analyze(token.text) : []
            out.append(AnalyzedToken(token: token, normalized: lower, analyses: analyses, sentence: sentence, clause: clause))
            if token.kind == .punctuation {
                if [".", "!", "?", ";"].contains(token.text) {
                    sentence += 1
                    clause += 1
                } else if token.text == "," {
                    clause += 1
                }
            }
        }
        // Placeholder until the text-analysis issue lands: no redaction yet.
        return AnalyzedText(text: text, language: .fi, tokens: out, redaction: Redaction(text: text))
    }
}
