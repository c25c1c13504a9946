/// Sentences and clauses: the classifier reads praise and criticism clause by clause.
extension TextAnalyzer {
    /// Numbers sentences and clauses in place. A sentence ends at ".", "!", "?", ";", "…" (not the dot of an
    /// abbreviation such as "esim." or "klo") and at a line break. A clause also ends before a clause-joining
    /// word ("mutta", "vaikka", …) and at a comma before a conjunction or relative pronoun, or between two
    /// stretches of at least two words each (not inside a list "nopea, ystävällinen, asiallinen").
    func segment(_ tokens: inout [AnalyzedToken], facts: [WordFacts?], lineBreakBefore: [Bool]) {
        var sentence = 0
        var clause = 0
        var wordsInClause = 0
        var tokensInSentence = 0
        for i in tokens.indices {
            let t = tokens[i].token
            if lineBreakBefore[i], tokensInSentence > 0 {
                sentence += 1
                clause += 1
                wordsInClause = 0
                tokensInSentence = 0
            }
            if wordsInClause > 0, facts[i]?.isClauseWord == true {
                clause += 1
                wordsInClause = 0
            }
            tokens[i].sentence = sentence
            tokens[i].clause = clause
            tokensInSentence += 1
            if t.kind == .word { wordsInClause += 1 }
            guard t.kind == .punctuation else { continue }
            if endsSentence(tokens, facts, i) {
                sentence += 1
                clause += 1
                wordsInClause = 0
                tokensInSentence = 0
            } else if t.text == ",", wordsInClause > 0, commaOpensClause(tokens, facts, after: i, wordsBefore: wordsInClause) {
                clause += 1
                wordsInClause = 0
            }
        }
    }

    private func endsSentence(_ tokens: [AnalyzedToken], _ facts: [WordFacts?], _ i: Int) -> Bool {
        let text = tokens[i].token.text
        guard text.unicodeScalars.contains(where: { Tokenizer.isSentenceMark($0.value) }) else { return false }
        if text == ".", i > 0, tokens[i - 1].token.kind == .word,
           tokens[i - 1].token.range.upperBound == tokens[i].token.range.lowerBound,
           facts[i - 1]?.isAbbreviation == true {
            return false
        }
        return true
    }

    private func commaOpensClause(_ tokens: [AnalyzedToken], _ facts: [WordFacts?], after i: Int, wordsBefore: Int) -> Bool {
        var j = i + 1
        while j < tokens.count, tokens[j].token.kind != .word {
            if tokens[j].token.kind == .punctuation { return false }
            j += 1
        }
        guard j < tokens.count else { return false }
        if facts[j]?.isClauseWord == true { return false }  // the word itself opens the clause
        if facts[j]?.isCommaClauseWord == true { return true }
        guard wordsBefore >= 2 else { return false }
        var wordsAfter = 0
        var k = j
        while k < tokens.count, tokens[k].token.kind != .punctuation {
            if tokens[k].token.kind == .word { wordsAfter += 1 }
            k += 1
        }
        return wordsAfter >= 2
    }
}
