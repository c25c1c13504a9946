import PalauteText

extension Classifier {
    /// Safety, contact-request and formal-complaint flags, each with the token and rule that raised it.
    func detectFlags(text: PreparedText, readings: [ClauseReading], lex: Lexicon, trace: inout Trace)
        -> [(Flag, Int, String, LexiconSource?)] {
        let toks = text.tokens
        var out: [(Flag, Int, String, LexiconSource?)] = []
        let sentences = Dictionary(grouping: toks.indices.filter { toks[$0].isWord && !toks[$0].isName }) { toks[$0].sentence }
        let clauses = Dictionary(grouping: toks.indices.filter { toks[$0].isWord && !toks[$0].isName }) { toks[$0].clause }
        let sentenceGroups = sentences.keys.sorted().map { sentences[$0]! }
        let clauseGroups = clauses.keys.sorted().map { clauses[$0]! }
        func flagExcluded(_ flag: Flag, _ words: [Int]) -> Bool {
            lex.exclusions.contains { e in
                guard e.scope == .flag(flag) else { return false }
                if let p = e.phrase {
                    return (p.kind == .sequence ? matchSequence(p, in: words, tokens: toks) : matchCooccurrence(p, in: words, tokens: toks)) != nil
                }
                return words.contains { e.token!.matches(toks[$0].forms) }
            }
        }
        for cue in lex.cues where cue.phrase.possible(in: text.allBits) {
            let flag: Flag
            switch cue.kind {
            case .safety: flag = .safety
            case .complaint: flag = .formalComplaint
            case .contact: flag = .contactRequest
            default: continue
            }
            // In text order: the first clause or sentence that matches gives the evidence, the same on every run
            // (Dictionary order changes between processes).
            let groups = cue.phrase.kind == .sequence ? clauseGroups : sentenceGroups
            for words in groups {
                let group = cue.phrase.kind == .sequence ? text.clauseBits[toks[words[0]].clause] : text.sentenceBits[toks[words[0]].sentence]
                guard cue.phrase.possible(in: group) else { continue }
                let m = cue.phrase.kind == .sequence ? matchSequence(cue.phrase, in: words, tokens: toks) : matchCooccurrence(cue.phrase, in: words, tokens: toks)
                guard let m, !flagExcluded(flag, words) else { continue }
                out.append((flag, m[0], "cue:\(cue.kind.rawValue)", cue.source))
                trace.add(m.map { toks[$0].text }.joined(separator: " "), "flag-cue", flag.rawValue, source: cue.source, clause: toks[m[0]].clause)
                break
            }
        }
        // A contact verb asked for: imperative or conditional in its clause ("soittakaa", "voisiko joku soittaa"),
        // or beside a wish or request in its sentence ("toivon että joku ottaa yhteyttä").
        for r in readings where r.contactVerb {
            let words = r.tokens.filter { toks[$0].isWord }
            guard let verb = words.first(where: { i in lex.cues.contains { $0.kind == .contactVerb && $0.phrase.elements[0].matches(toks[i].forms) } }) else { continue }
            let sentenceWords = sentences[r.sentence] ?? []
            let (asked, moodAsks, request) = contactAsked(clause: words, sentence: sentenceWords, tokens: toks, lex: lex)
            guard asked else { continue }
            let negated = words.contains { toks[$0].isNegationVerb }
            if !negated && !flagExcluded(.contactRequest, sentenceWords) {
                out.append((.contactRequest, verb, moodAsks ? "contact:mood" : "contact:request-verb", request?.source))
                trace.add(toks[verb].text, "contact-request", moodAsks ? "imperative/conditional contact verb" : "wish + contact verb", source: request?.source, clause: r.index)
            }
        }
        return out
    }

    /// Whether a clause with a contact verb asks to be contacted: a 2nd-person imperative ("soittakaa"); a
    /// conditional with a first-person object or recipient ("voisitteko soittaa minulle") or asked as a question
    /// ("voisiko hoitaja soittaa"), not a proposal ("laskut voisi lähettää sähköisesti"); or a request verb in the
    /// present first person in the sentence ("toivon", "odotan yhteydenottoa"), not a report ("odotin").
    func contactAsked(clause words: [Int], sentence sentenceWords: [Int], tokens toks: [PreparedToken], lex: Lexicon)
        -> (asked: Bool, mood: Bool, request: CueEntry?) {
        let firstPerson = sentenceWords.contains { i in
            toks[i].analyses.contains { $0.wordClass == .pronoun && ["minä", "me"].contains($0.lemma.lowercased()) && $0.grammaticalCase != .nominative }
                || Self.firstPersonObjects.contains(toks[i].forms.surface)
        }
        let someone = words.contains { toks[$0].forms.lemmas.contains("joku") || toks[$0].forms.surface == "joku" }
        let moodAsks = words.contains { i in
            guard let b = toks[i].best, b.wordClass == .verb || b.wordClass == .negationVerb else { return false }
            if b.mood == .imperative && b.person == 2 { return true }
            // "Minuun voi ottaa yhteyttä numerossa …": an invitation to contact the writer.
            // ("voi" is both present and past: any present reading counts.)
            if firstPerson, toks[i].analyses.contains(where: { a in
                a.lemma == "voida" && a.mood == .indicative && a.isNotPast
            }) { return true }
            guard b.mood == .conditional else { return false }
            let question = toks[i].isAskedAbout
            return firstPerson || someone || question
        }
        let request = lex.cues.first { c in c.kind == .requestVerb && sentenceWords.contains { i in
            guard c.phrase.elements[0].matches(toks[i].forms) else { return false }
            // Any present first-person reading: "vaadin" is both 'I demand' and 'I demanded'.
            return toks[i].analyses.contains { $0.person == 1 && $0.isNotPast }
        } }
        return (moodAsks || request != nil, moodAsks, request)
    }

    /// First-person objects and recipients that make a contact verb a request about the writer.
    static let firstPersonObjects: Set<String> = ["minulle", "minuun", "minua", "minut", "meille", "meihin", "meitä", "meidät", "mulle", "muhun", "mua"]
}

extension MorphAnalysis {
    /// Present (or tenseless): "vaadin", "voi" are both present and past, and any present reading asks.
    var isNotPast: Bool { tense.map { !$0.hasPrefix("past") } ?? true }
}
