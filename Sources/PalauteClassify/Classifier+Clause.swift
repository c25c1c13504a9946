import PalauteText

/// A polarity contribution: a sentiment word, idiom, emoji or construction.
struct PolarityHit: Sendable {
    var weight: Double
    var token: Int
    var rule: String
    var source: LexiconSource?
    /// A verdict word's own topic, used when its clause names none.
    var topic: Topic?
    var symbol = false
}

/// A word or phrase that names a topic.
struct TopicMention: Sendable {
    var topic: Topic
    var priority: Int
    var token: Int
    var rule: String
    var source: LexiconSource?
}

/// What one clause says.
struct ClauseReading: Sendable {
    var index: Int
    var sentence: Int
    var tokens: [Int]
    var hits: [PolarityHit] = []
    var topics: [TopicMention] = []
    var suggestion: (token: Int, rule: String)?
    var contactVerb = false
    var weight: Double = 1
    var lukewarm = false
    /// The clause or contrast word that opened the clause ("että", "mutta"), if a word did.
    var opener: ModifierKind?
    /// Tokens read as part of an idiom that names its own topic: they name no other topic.
    var idiomTokens = Set<Int>()
    /// A verdict frame ("muuten", "kaiken kaikkiaan") opens the clause: its topic-less verdict is `overall`.
    var verdictFrame: Int?
    /// Words read as part of an idiom: they are no mood cue of their own ("I would recommend").
    var consumed = Set<Int>()

    var polarity: Double { hits.reduce(0) { $0 + $1.weight } * weight }
}

extension Classifier {
    /// Reads one clause: idioms first, then word by word with negation scope, degree words and mood.
    func readClause(_ idxs: [Int], index: Int, text: PreparedText, lex: Lexicon, trace: inout Trace) -> ClauseReading {
        let toks = text.tokens
        var reading = ClauseReading(index: index, sentence: toks[idxs[0]].sentence, tokens: idxs)
        reading.opener = idxs.lazy.map { toks[$0] }.first(where: \.isWord)?.opener
        let words = idxs.filter { toks[$0].isWord && !toks[$0].isName }
        var consumed = Set<Int>()

        // Idioms take precedence over word-by-word reading ("ei valittamista", "ei kovin hyvä").
        // Overlapping idioms: the longer one wins ("tog mig inte på allvar" over "tog mig på allvar"), then the one
        // with more exact written forms ("ei =vieläkään" over "ei vielä"), then file order.
        var found: [(idiom: IdiomEntry, match: [Int], order: Int)] = []
        let present = text.clauseBits[index]
        for (order, idiom) in lex.idioms.enumerated() where idiom.phrase.possible(in: present) {
            guard let m = matchSequence(idiom.phrase, in: words, tokens: toks) else { continue }
            // A word asked about with -ko/-kö is not asserted: "en ole varma auttoiko hoito yhtään" is no
            // "ei auttanut yhtään".
            if m.contains(where: { toks[$0].isAskedAbout }) { continue }
            found.append((idiom, m, order))
        }
        if found.count > 1 {
            found.sort { a, b in
                let ea = a.idiom.phrase.elements, eb = b.idiom.phrase.elements
                if ea.count != eb.count { return ea.count > eb.count }
                let sa = ea.filter { $0.mode == .surface }.count, sb = eb.filter { $0.mode == .surface }.count
                if sa != sb { return sa > sb }
                return a.order < b.order
            }
        }
        for (idiom, m, _) in found {
            if consumed.isDisjoint(with: m) {
                consumed.formUnion(m)
                if idiom.topic != nil { reading.idiomTokens.formUnion(m) }
                // "minua ei otettu vakavasti": a negation before an idiom that has none of its own flips it.
                var w = idiom.weight
                var rule = "idiom"
                // An idiom with a negation of its own ("ei tarvinnut odottaa", "didn't have to wait") is not
                // flipped again. Otherwise a negation before it flips it, Voikko's negation verb or a negator word
                // ("I never had to wait", "minua ei otettu vakavasti"), and so does a negator inside its gaps
                // (Swedish V2: "fick inte vänta länge").
                func negates(_ j: Int) -> Bool { Self.isNegation(toks[j]) }
                let ownNegation = m.contains(where: negates)
                let before = words.filter { $0 < m[0] }
                let lastNegation = before.lastIndex { negates($0) && !m.contains($0) }
                let scopeEnds = lastNegation.map { n in
                    before[(n + 1)...].contains { toks[$0].mods.contains { $0.kind == .scopeEnd || $0.kind == .clause } }
                        || Self.pauseBetween(before[n], m[0], tokens: toks)
                } ?? true
                let inside = words.contains { $0 > m[0] && $0 < m[m.count - 1] && !m.contains($0) && negates($0) }
                if !ownNegation, !scopeEnds || inside {
                    w = -w * 0.9
                    rule = "idiom+negation"
                }
                if w != 0 {
                    reading.hits.append(PolarityHit(weight: w, token: m[0], rule: rule, source: idiom.source, topic: idiom.topic))
                }
                trace.add(m.map { toks[$0].text }.joined(separator: " "), rule, String(format: "%+.1f", w) + (idiom.topic.map { " → \($0.rawValue)" } ?? ""), source: idiom.source, clause: index)
            }
        }

        // Degree words, negation and sentiment words.
        var negated = false
        // "ilman että minulta kysyttiin": a clause opened right after a privative is what did not happen.
        if let first = words.first, first > 0,
           let before = (0..<first).last(where: { toks[$0].isWord }), toks[before].sentence == toks[first].sentence,
           toks[before].mods.contains(where: { $0.kind == .privative }) {
            negated = true
            trace.add(toks[before].text + " " + toks[first].text, "privative-clause", "negates the clause it opens", clause: index)
        }
        var pending: (value: Double, pos: Int, source: LexiconSource)?
        var excess = false
        var obliged: Int?
        var remedyNegated = false
        var degreeWords = Set<Int>()
        let hasLeave = words.contains { toks[$0].forms.lemmas.contains("jäädä") }
        // `sentiment` and `all` exclusions ("paha olo" is the patient's state, "ystävällisin terveisin" a
        // sign-off): checked only at the clause's sentiment words.
        let sentimentExclusions = self.sentimentExclusions[lex.language]
            ?? lex.exclusions.filter { $0.scope == .sentiment || $0.scope == .all && $0.kind != .name }
        // A privative ("ilman", "without", "utan") negates its noun phrase only: up to and including its head.
        var privativeOpen = false
        var privativeClosesAfter: Int?
        var privativeStart = 0
        for (pos, i) in words.enumerated() {
            let tok = toks[i]
            let mods = tok.mods
            if let c = privativeClosesAfter, c < pos {
                negated = false
                privativeClosesAfter = nil
            }
            if privativeOpen, isPrivativeHead(tok, lex: lex, language: text.language) || pos - privativeStart >= 3 {
                privativeOpen = false
                privativeClosesAfter = pos
            }
            if mods.contains(where: { $0.kind == .privative }), !consumed.contains(i) {
                negated = true
                privativeOpen = true
                privativeStart = pos
                trace.add(tok.text, "privative", "flips its noun phrase", source: mods.first { $0.kind == .privative }?.source, clause: index)
                continue
            }
            if mods.contains(where: { $0.kind == .contrast }), pos == 0 {
                reading.weight = mods.first { $0.kind == .contrast }!.value
            }
            // "ei vastattu puhelimeen, turhauttavaa": a comma, semicolon, colon or dash ends the negation's scope.
            if negated, pos > 0, Self.pauseBetween(words[pos - 1], i, tokens: toks) { negated = false }
            if consumed.contains(i) { continue }
            let next = pos + 1 < words.count ? toks[words[pos + 1]] : nil
            let nextIsQuality = next.map { n in
                n.isAdjectiveOrAdverb || n.sentiment.contains { $0.condition != .negated }
            } ?? false
            let opensClause = mods.contains { $0.kind == .clause || $0.kind == .contrast }
            let entries = tok.sentiment
            if (tok.isNegationVerb && !opensClause) || mods.contains(where: { $0.kind == .negator }) {
                if text.language == .sv, !negated {
                    negateVerbBefore(pos, words: words, reading: &reading, consumed: consumed, tokens: toks, trace: &trace)
                }
                if text.language == .fi, tok.isNegationVerb, !negated {
                    negatePartitiveBefore(pos, words: words, reading: &reading, tokens: toks, trace: &trace)
                }
                negated = true
                remedyNegated = false
                trace.add(tok.text, "negation", "flips what follows in the clause", source: mods.first { $0.kind == .negator }?.source, clause: index)
                continue
            }
            if mods.contains(where: { $0.kind == .scopeEnd }) {
                negated = false
                continue
            }
            // "Ei voi kuin kehua", "en voi muuta kuin kiittää": "ei voi (muuta) kuin" means "can only".
            if negated, text.language == .fi, tok.forms.surface == "kuin",
               words[..<pos].suffix(3).contains(where: { toks[$0].forms.lemmas.contains("voida") }) {
                negated = false
                trace.add(tok.text, "ei voi kuin", "can only: the negation does not reach what follows", clause: index)
                continue
            }
            // "En ole koskaan kokenut näin huonoa kohtelua": never *this* bad is as bad as it gets; the negation
            // does not reach the quality after "näin".
            if negated, text.language == .fi, tok.forms.surface == "näin" || tok.forms.surface == "noin",
               words.contains(where: { toks[$0].forms.surface == "koskaan" || toks[$0].forms.surface == "ikinä" }) {
                negated = false
                trace.add(tok.text, "never this", "the negation does not reach the quality that follows", clause: index)
            }
            // "Sovellus ei kirjaa peruutusta oikein": "oikein" closing a negated clause is "correctly" — the act
            // was done wrong. Elsewhere it is a degree word ("oikein hyvä") or a hedge ("en oikein tiedä").
            if negated, text.language == .fi, tok.forms.surface == "oikein", pos == words.count - 1 {
                reading.hits.append(PolarityHit(weight: -1.0, token: i, rule: "not-correctly"))
                trace.add(tok.text, "not-correctly", "not done correctly: -1.0", clause: index)
                continue
            }
            if let m = mods.first(where: { $0.kind == .intensifier || $0.kind == .softener }) {
                // A word that is also a topic or sentiment word is a degree word only before a quality.
                // Degree words do not inflect: "aikaa", "ajan" are always time.
                // A degree word that can also be a noun ("aika") is a noun unless a quality follows: "aika
                // olikin hieman lyhyt" is the appointment that was short.
                let isContentWord = !tok.topicEntries.isEmpty || !entries.isEmpty
                    || text.language == .fi && tok.analyses.contains { $0.wordClass == .noun }
                // "aikoja" also reads as the adverb "aikoja" (for ages), so its lemmas hold its written form: a word
                // with a noun reading is a degree word only when written as the degree word itself.
                let inflectedNoun = tok.analyses.contains { $0.wordClass == .noun }
                    && (!tok.forms.lemmas.contains(tok.forms.surface) || m.pattern.mode == .exact && m.pattern.value != tok.forms.surface)
                if !inflectedNoun && (!isContentWord || nextIsQuality) {
                    pending = (m.value, pos, m.source)
                    degreeWords.insert(i)
                    trace.add(tok.text, m.kind.rawValue, "×\(m.value)", source: m.source, clause: index)
                    continue
                }
            }
            if let m = mods.first(where: { $0.kind == .excess }), nextIsQuality {
                excess = true
                reading.hits.append(PolarityHit(weight: -1.0, token: i, rule: "excess", source: m.source))
                degreeWords.insert(i)
                trace.add(tok.text, "excess", "makes the next word a complaint", source: m.source, clause: index)
                continue
            }
            // "Ohjeita oli liikaa kerralla": too much of something, with no quality after it, is itself a complaint.
            if let m = mods.first(where: { $0.kind == .excess }), text.language == .fi, tok.forms.surface == "liikaa", !negated {
                reading.hits.append(PolarityHit(weight: -1.0, token: i, rule: "excess", source: m.source))
                degreeWords.insert(i)
                trace.add(tok.text, "excess", "too much of it: a complaint", source: m.source, clause: index)
                continue
            }
            if mods.contains(where: { $0.kind == .lukewarm }) {
                reading.lukewarm = true
                trace.add(tok.text, "lukewarm", "no label (convention 1)", source: mods.first { $0.kind == .lukewarm }?.source, clause: index)
                continue
            }
            if mods.contains(where: { $0.kind == .obligation }) { obliged = pos }
            if negated, mods.contains(where: { $0.kind == .remedy }) { remedyNegated = true }
            // A word in a privative's noun phrase reads like an abessive: "ilman jonoa" as "jonotta".
            let privative = privativeOpen || privativeClosesAfter == pos
            let abessive = tok.hasCase(.abessive) || privative
            if !entries.isEmpty, let ex = sentimentExclusions.first(where: { excludes($0, tokenIndex: i, text: text) }) {
                trace.add(tok.text, "excluded", "not a sentiment word here", source: ex.source, clause: index)
                continue
            }
            // A word carrying the question clitic is asked about, not asserted: "kauanko menee", "auttoiko se".
            if !entries.isEmpty, tok.isAskedAbout {
                trace.add(tok.text, "question-clitic", "asked about, not judged", clause: index)
                continue
            }
            // "Pidin hoitajasta", "en pitänyt siitä lääkäristä": "pitää" with an elative object (no verb between)
            // is to like, not to have to ("lääkärin piti soittaa tuloksista").
            var liking = false
            if text.language == .fi, tok.forms.lemmas.contains("pitää") {
                for j in words[(pos + 1)..<min(words.count, pos + 4)] {
                    if toks[j].best?.wordClass == .verb { break }
                    if toks[j].hasCase(.elative) && toks[j].analyses.contains(where: { $0.wordClass == .noun }) { liking = true; break }
                }
            }
            let entry: SentimentEntry?
            if liking {
                entry = entries.first
            } else if negated || abessive {
                entry = entries.first { $0.condition == .negated } ?? entries.first { $0.condition == .always }
            } else {
                entry = entries.first { $0.condition != .negated }
            }
            guard let e = entry else {
                // "asioita jäi käsittelemättä": an act left undone is a complaint.
                if abessive, hasLeave, tok.best?.wordClass == .verb {
                    reading.hits.append(PolarityHit(weight: -1.2, token: i, rule: "left-undone"))
                    trace.add(tok.text, "left-undone (jäädä + abessive)", "-1.2", clause: index)
                }
                continue
            }
            var w = e.weight
            var rule = "sentiment-word"
            if liking {
                w = 1.2
                rule = "liking"
            }
            switch liking ? .always : e.condition {
            case .negated:
                rule = privative ? "privative" : abessive ? "abessive" : "negation"
            case .plain:
                if negated || abessive { continue }
            case .always:
                if abessive {
                    w = -w * 0.8
                    rule = privative ? "privative" : "abessive"
                } else if negated && w > 0 && Self.isUnsurpassed(tok, words: words, tokens: toks) {
                    // "En voisi olla tyytyväisempi", "parempaa hoitoa en ole missään saanut": nothing better could
                    // be had, the best there is.
                    w *= 1.2
                    rule = "unsurpassed"
                } else if negated && remedyNegated && w < 0 && tok.hasCase(.partitive) {
                    // "Ei edes pahoiteltu myöhästymistä": the object of an act left undone is still a problem.
                    rule = "negated-remedy-object"
                } else if negated {
                    w = w > 0 ? -w * 0.9 : -w * 0.6
                    rule = "negation"
                }
            }
            if let o = obliged, o < pos, pos - o <= 2, w > 0, tok.best?.wordClass == .verb {
                trace.add(tok.text, "obligation", "an act one has to do is no praise", clause: index)
                continue
            }
            if tok.best?.comparison == .superlative { w *= 1.2 }
            if let p = pending, pos - p.pos <= 3 {
                w *= p.value
                pending = nil
            }
            if excess {
                // "liian kallis" adds to the complaint; "liian nopeasti" turns praise into one.
                w = w > 0 ? -w * 0.5 : w
                excess = false
                rule += "+excess"
            }
            if tok.allCaps { w *= 1.3 }
            reading.hits.append(PolarityHit(weight: w, token: i, rule: rule, source: e.source, topic: e.topic))
            trace.add(tok.text, rule, String(format: "%+.2f", w) + (e.topic.map { " (verdict → \($0.rawValue))" } ?? ""), source: e.source, clause: index)
        }
        // "Eikä vieläkään apua": after a negative idiom that carries its own negation, a partitive good thing is
        // what is still missing, not praise.
        if text.language == .fi, let n = reading.hits.first(where: { $0.rule == "idiom" && $0.weight < 0 && toks[$0.token].isNegationVerb }) {
            reading.hits.removeAll { h in
                h.weight > 0 && h.token > n.token && h.rule == "sentiment-word" && toks[h.token].hasCase(.partitive)
                    && toks[h.token].best?.wordClass == .noun
            }
        }
        // "Kävin neljä kertaa ennen kuin joku otti kipuni tosissaan": good that came only after (ennen kuin) is
        // the delay complained of, not praise.
        if text.language == .fi, let k = words.indices.dropFirst().first(where: {
            toks[words[$0]].forms.surface == "kuin" && toks[words[$0 - 1]].forms.surface == "ennen"
        }) {
            for h in reading.hits.indices where reading.hits[h].token > words[k] && reading.hits[h].weight > 0 {
                reading.hits[h].weight = -reading.hits[h].weight * 0.8
                reading.hits[h].rule += "+only-after"
                trace.add(toks[reading.hits[h].token].text, "only-after", "good that came only after (ennen kuin) is the delay", clause: index)
            }
        }
        // A degree word after its head ("ei sattunut yhtään") scales the last hit.
        if let p = pending, let last = reading.hits.indices.last, reading.hits[last].rule != "idiom",
           let hitPos = words.firstIndex(of: reading.hits[last].token), p.pos - hitPos <= 2, p.pos > hitPos {
            reading.hits[last].weight *= p.value
        }

        // "Parkkipaikkoja oli vähän", "aikaa oli niukasti": a quantity word after a partitive noun, with no quality
        // after it and nothing else to judge in the clause, says there was too little of it ("sain vähän lääkettä"
        // is only an amount).
        if text.language == .fi, reading.hits.isEmpty, let p = pending, ["vähän", "niukasti"].contains(toks[words[p.pos]].forms.surface),
           let thing = words[..<p.pos].first(where: { toks[$0].hasCase(.partitive) && toks[$0].best?.wordClass == .noun }) {
            reading.hits.append(PolarityHit(weight: -1.0, token: words[p.pos], rule: "too-little"))
            trace.add(toks[words[p.pos]].text, "too-little", "there was too little \(toks[thing].text): -1.0", clause: index)
        }

        // Emoji and emoticons: the longest run of symbol tokens the lexicon knows.
        readSymbols(idxs, reading: &reading, text: text, lex: lex, trace: &trace)
        if reading.lukewarm {
            reading.hits.removeAll { $0.symbol && abs($0.weight) <= 1.5 }
        }

        // What was promised is not what happened: no praise from the words right after a promise.
        for (pos, i) in words.enumerated() where toks[i].mods.contains(where: { $0.kind == .promise }) {
            let promised = Set(words[(pos + 1)..<min(words.count, pos + 5)])
            let before = reading.hits.count
            reading.hits.removeAll { $0.weight > 0 && promised.contains($0.token) }
            if reading.hits.count < before {
                trace.add(toks[i].text, "promise", "what was promised is no praise", source: toks[i].mods.first { $0.kind == .promise }?.source, clause: index)
            }
        }

        // Mood: past conditional, suggestion, rhetorical question.
        reading.consumed = consumed
        readMood(words, reading: &reading, text: text, lex: lex, trace: &trace)
        // "Olisi voinut olla parempi": in a retrospective wish the good words are what was missing.
        if reading.hits.contains(where: { $0.rule == "retro-wish" }) {
            reading.hits.removeAll { $0.weight > 0 }
        }

        // Topics.
        reading.topics = topicMentions(words, degreeWords: degreeWords.union(reading.idiomTokens), idiomTokens: reading.idiomTokens, text: text, lex: lex, clause: index, trace: &trace)
        for h in reading.hits where h.rule.hasPrefix("idiom") {
            // An idiom with a topic of its own names it ("ei tarvinnut odottaa" → waiting), also for suggestions.
            if let t = h.topic, t != .overall {
                if !reading.topics.contains(where: { $0.topic == t }) {
                    reading.topics.append(TopicMention(topic: t, priority: 3, token: h.token, rule: "topic-idiom", source: h.source))
                }
                // A fallback is used only when the clause names nothing else: "Ei tarvinnut jonottaa ja lääkäri
                // oli ok" judges the wait, not the doctor; "allt gick för snabbt" is the visit's pace, not overall.
                reading.topics.removeAll { $0.priority == 1 }
            }
        }
        thanksToStaff(idxs, words: words, reading: &reading, text: text, lex: lex, trace: &trace)
        // "Isoin kiitos synnytysosastolle, olitte mahtavia!": the writer addresses the staff as "te"; a quality
        // said of them, with nothing else named, is their manner.
        if text.language == .fi, !reading.topics.contains(where: { $0.priority >= 2 }),
           let you = words.first(where: { j in
               toks[j].analyses.first.map { $0.wordClass == .verb && $0.person == 2 && $0.plural && $0.mood == .indicative } ?? false
           }) {
            reading.topics.removeAll { $0.topic == .overall && $0.priority == 1 }
            reading.topics.append(TopicMention(topic: .staffManner, priority: 2, token: you, rule: "addressed-staff"))
            trace.add(toks[you].text, "addressed-staff", "the writer speaks to the staff: staff_manner", clause: index)
        }
        // "Parkkipaikkoja ei ollut", "ei ollut tulkkia": a named thing that was not there is missing. Only with
        // no sentiment in the clause (a problem word that was not there, "jonoa ei ollut", is read as such).
        if text.language == .fi, reading.hits.isEmpty, reading.suggestion == nil,
           let neg = words.first(where: { toks[$0].isNegationVerb && !consumed.contains($0) }),
           let be = words.first(where: { abs($0 - neg) <= 2 && toks[$0].best?.wordClass == .verb && toks[$0].forms.lemmas.contains("olla") }),
           // "olla" as the main verb, not the auxiliary of "ei ole tullut".
           // An infinitive after it is a circumstance ("kahvia ei ollut tarjolla odottaessa").
           !words.contains(where: { $0 > be && !toks[$0].forms.lemmas.contains("olla") && toks[$0].best?.wordClass == .verb && toks[$0].best?.mood != .infinitive }),
           let missing = reading.topics.first(where: { m in
               m.priority >= 2 && toks[m.token].hasCase(.partitive) && toks[m.token].best?.wordClass == .noun && toks[m.token].sentiment.isEmpty
           }) ?? Self.noneAtAll(words, tokens: toks).flatMap({ _ in reading.topics.first { $0.priority >= 2 } }) {
            reading.hits.append(PolarityHit(weight: -1.0, token: missing.token, rule: "absent"))
            trace.add(toks[missing.token].text, "absent", "ei ollut + a named thing: it was missing, -1.0", clause: index)
        }
        orientDurations(&reading, text: text, trace: &trace)
        readExpectation(words, reading: &reading, text: text, trace: &trace)
        readAmount(idxs, reading: &reading, text: text, trace: &trace)
        // "Muuten ei valittamista", "Kaiken kaikkiaan hyvä kokemus": a frame in the first words of the clause.
        if let frames = lex.cuesByKind[.verdict], !reading.hits.isEmpty {
            let head = Array(words.prefix(3))
            reading.verdictFrame = frames.lazy.compactMap { self.matchSequence($0.phrase, in: head, tokens: toks)?.first }.first
        }
        // "eikä kukaan tullut edes kysymään": nobody did something, and no word names what — neglect by staff.
        // Not when what nobody did was itself harm ("onneksi kukaan ei satuttanut"): the negated act reads as
        // praise or relief, so a clause with a positive hit is no neglect.
        if reading.topics.isEmpty, text.language == .fi, reading.suggestion == nil,
           !reading.hits.contains(where: { $0.weight > 0 }),
           let nobody = words.first(where: { toks[$0].forms.lemmas.contains("kukaan") }),
           words.contains(where: { toks[$0].isNegationVerb }),
           let verb = words.first(where: { $0 > nobody && toks[$0].best?.wordClass == .verb && !toks[$0].isNegationVerb }),
           // "kukaan ei kuullut keskusteluamme": nobody overhearing is privacy kept, not neglect.
           !["kuulla", "nähdä", "huomata"].contains(where: { toks[verb].forms.lemmas.contains($0) }) {
            reading.topics.append(TopicMention(topic: .staffManner, priority: 2, token: nobody, rule: "nobody-did"))
            if !reading.hits.contains(where: { $0.weight < 0 }) {
                reading.hits.append(PolarityHit(weight: -1.0, token: verb, rule: "nobody-did"))
            }
            trace.add(toks[nobody].text, "nobody-did", "no one acted: staff_manner criticism", clause: index)
        }
        return reading
    }

    /// "Kiitti hoitsulle", "kiitos koko henkilökunnalle", "tack till personalen": thanks addressed to staff
    /// (a person word or a first name in the allative; in Swedish and English a person word just after the
    /// thanks) is manner praise (convention 4), and the person word is not a generic competence fallback.
    func thanksToStaff(_ idxs: [Int], words: [Int], reading: inout ClauseReading, text: PreparedText, lex: Lexicon, trace: inout Trace) {
        let toks = text.tokens
        guard reading.suggestion == nil, let thanks = lex.cuesByKind[.thanks],
              let t = words.first(where: { i in thanks.contains { $0.phrase.elements.count == 1 && $0.phrase.elements[0].matches(toks[i].forms) } })
        else { return }
        func isPerson(_ j: Int) -> Bool { toks[j].topicEntries.contains { $0.kind == .person } }
        let addressee: Int?
        if text.language == .fi {
            // "Kiitos hoitajalle", or addressed right after the thanks: "Kiitos tohtori Virtanen!".
            let pos = idxs.firstIndex(of: t)!
            let next = idxs[(pos + 1)...].first { toks[$0].isWord }
            // The allative must belong to the thanks: "Pääsin lääkärille, kiitos!" is where the patient got to,
            // so a punctuation mark between them ends the thanks.
            func together(_ j: Int) -> Bool { !Self.pauseBetween(min(j, t), max(j, t), tokens: toks) }
            addressee = idxs.first { j in
                toks[j].isWord && toks[j].hasCase(.allative) && together(j)
                    && (isPerson(j) || toks[j].isName && toks[j].analyses.contains { $0.wordClass == .firstName })
            } ?? next.flatMap { n in
                isPerson(n) && toks[n].hasCase(.nominative) && idxs.contains { $0 > n && toks[$0].isName } ? n : nil
            }
        } else {
            // "Tack till personalen", "thanks to the nurses"; or a capitalised word the lexicon does not know right
            // after the thanks, a name ("tack Maria!", "thank you Anna").
            let pos = words.firstIndex(of: t)!
            let after = words[(pos + 1)..<min(words.count, pos + 4)]
            addressee = after.first(where: isPerson) ?? after.first(where: { !lex.functionWords.contains(toks[$0].forms.surface) }).flatMap { n in
                let w = toks[n]
                let capitalised = w.text.first?.isUppercase == true
                let known = !w.sentiment.isEmpty || !w.topicEntries.isEmpty || !w.mods.isEmpty || lex.functionWords.contains(w.forms.surface)
                return capitalised && !known && !w.allCaps ? n : nil
            }
        }
        guard let staff = addressee else { return }
        // The thanks name who is thanked: a person word or a unit ("koko osaston henkilökunnalle") is no fallback topic.
        reading.topics.removeAll { $0.rule.hasPrefix("topic-person") || $0.topic == .overall && $0.priority == 1 }
        if !reading.topics.contains(where: { $0.topic == .staffManner }) {
            reading.topics.append(TopicMention(topic: .staffManner, priority: 3, token: staff, rule: "thanks-to-staff"))
        }
        trace.add("\(toks[t].text) \(toks[staff].text)", "thanks-to-staff", "staff_manner (convention 4)", clause: reading.index)
    }

    /// "Jonotusaika oli lyhyempi", "vastaanottoaika oli pitkä": a length word's polarity follows its topic. In a
    /// clause about a wait (waiting or access) short is good and long bad; about the
    /// time with the clinician long is good and short bad. The lexicon weight is the sign for a wait for long
    /// words and for a visit for short ones; negation already applied keeps its flip.
    func orientDurations(_ reading: inout ClauseReading, text: PreparedText, trace: inout Trace) {
        let toks = text.tokens
        // A bare "aika", or a topic named by the length word itself ("pitkä aika"), is too vague to say which
        // time is meant ("on se aika pitkä aika").
        let named = reading.topics.filter { m in
            !toks[m.token].forms.lemmas.contains("aika") && !toks[m.token].mods.contains { $0.kind == .long || $0.kind == .short }
        }
        let isWait = named.contains { $0.topic == .waiting || $0.topic == .access }
        let isVisit = !isWait && named.contains { $0.topic == .consultationTime }
        guard isWait || isVisit else { return }
        for h in reading.hits.indices {
            let mods = toks[reading.hits[h].token].mods
            let long = mods.contains { $0.kind == .long }, short = mods.contains { $0.kind == .short }
            guard long || short, reading.hits[h].rule.hasPrefix("sentiment-word") || reading.hits[h].rule.hasPrefix("negation") else { continue }
            if (isWait && short) || (isVisit && long) {
                reading.hits[h].weight = -reading.hits[h].weight
                reading.hits[h].rule += "+duration"
                trace.add(toks[reading.hits[h].token].text, "duration", isWait ? "a short wait is good" : "a long visit is good", clause: reading.index)
            }
        }
        // A duration stated as a bare fact, with no word that judges it: "jonotusaika puhelimessa oli 50
        // minuuttia" (a wait of half an hour or more) or "vastaanotto kesti 5 minuuttia" (a visit of ten or less).
        guard text.language == .fi, reading.hits.isEmpty else { return }
        for i in reading.tokens where toks[i].kind == .number || toks[i].isWord {
            guard let n = Self.statedCount(toks[i]), let unit = reading.tokens.first(where: { $0 > i && toks[$0].isWord }) else { continue }
            let lemmas = toks[unit].forms.lemmas
            let minutes = lemmas.contains("minuutti") || lemmas.contains("min")
            let longer = ["tunti", "päivä", "viikko", "kuukausi"].contains { lemmas.contains($0) }
            guard minutes || longer else { continue }
            // "Peruin ajan 26 tuntia etukäteen": a lead time, not a wait.
            if let after = reading.tokens.first(where: { $0 > unit && toks[$0].isWord }),
               ["etukäteen", "ennen", "aiemmin", "aikaisemmin", "sitten"].contains(toks[after].forms.surface) { continue }
            if isWait && (longer || n >= 30) || isVisit && minutes && n <= 10 {
                reading.hits.append(PolarityHit(weight: -1.0, token: i, rule: "duration-fact"))
                trace.add(toks[i].text + " " + toks[unit].text, "duration-fact", isWait ? "a long wait stated as a fact" : "a short visit stated as a fact", clause: reading.index)
                return
            }
        }
        // "Odotin tunnin", "istuin tunnin": an hour with no number.
        if isWait, let hour = reading.tokens.first(where: { i in
            toks[i].isWord && toks[i].forms.lemmas.contains("tunti") && toks[i].hasCase(.genitive) && toks[i].analyses.first?.plural != true
                && !reading.tokens.contains { $0 < i && $0 >= i - 2 && Self.statedCount(toks[$0]) != nil }
        }) {
            reading.hits.append(PolarityHit(weight: -1.0, token: hour, rule: "duration-fact"))
            trace.add(toks[hour].text, "duration-fact", "a long wait stated as a fact", clause: reading.index)
        }
    }

    /// "ei ollut yhtään vapaata tuolia": "not a single" before a partitive noun with no sentiment of its own says
    /// that something of the clause's topic was missing, also when the noun itself names no topic.
    static func noneAtAll(_ words: [Int], tokens toks: [PreparedToken]) -> Int? {
        for (k, w) in words.enumerated() where ["yhtään", "ainuttakaan", "yhtäkään"].contains(toks[w].forms.surface) {
            if let noun = words[(k + 1)...].prefix(2).first(where: { toks[$0].best?.wordClass == .noun }),
               toks[noun].hasCase(.partitive), toks[noun].sentiment.isEmpty {
                return noun
            }
        }
        return nil
    }

    /// "Peruutusmaksu 50 euroa", "Maksoin 90 € kymmenen minuutin käynnistä": a fee stated as a bare amount, with
    /// no word that judges it, is told because it was too much; "vain 20 euroa" because it was little.
    func readAmount(_ idxs: [Int], reading: inout ClauseReading, text: PreparedText, trace: inout Trace) {
        guard reading.hits.isEmpty, reading.suggestion == nil else { return }
        let toks = text.tokens
        for (k, i) in idxs.enumerated() where toks[i].kind == .number && k + 1 < idxs.count {
            let unit = toks[idxs[k + 1]]
            let lemmas = unit.forms.lemmas
            guard unit.text == "€" || ["e", "eur", "euros", "euro"].contains(unit.forms.surface) || lemmas.contains("euro") else { continue }
            // A fee: the clause names one ("peruutusmaksu", "lasku", "hinta") or says what was paid ("maksoin") —
            // not any amount ("ostin 50 eurolla").
            let fee = idxs.contains { $0 != idxs[k + 1] && toks[$0].topicEntries.contains { $0.topic == .price } }
                || idxs.contains { toks[$0].forms.lemmas.contains("maksaa") || toks[$0].forms.lemmas.contains("pay") || toks[$0].forms.lemmas.contains("betala") }
            // A judging word anywhere in the sentence judges the amount ("Hinta oli 80 euroa, ihan ok").
            let judged = text.sentenceWords[reading.sentence].contains { j in
                toks[j].sentiment.contains { $0.condition != .negated } || toks[j].mods.contains { $0.kind == .lukewarm }
            }
            guard fee, !judged else { return }
            let little = idxs[max(0, k - 2)..<k].contains { j in
                ["vain", "ainoastaan", "vaan", "only", "just", "bara", "endast"].contains(toks[j].forms.surface)
            }
            reading.hits.append(PolarityHit(weight: little ? 1.0 : -1.0, token: i, rule: "amount-fact"))
            // The amount is all the clause judges: its other topics are only named ("sain 60 euron laskun
            // käyttämättä jätetystä ajasta").
            reading.topics.removeAll { $0.topic != .price }
            if reading.topics.isEmpty {
                reading.topics.append(TopicMention(topic: .price, priority: 3, token: i, rule: "topic-amount"))
            }
            trace.add(toks[i].text + " " + unit.text, "amount-fact", little ? "a small fee stated: praise" : "a fee stated as a bare amount: criticism",
                      clause: reading.index)
            return
        }
    }

    /// "Odotin parempaa", "odotin selvempiä ohjeita", "olisin odottanut enemmän": "odottaa" with a comparative is
    /// an expectation the visit fell short of, not a wait. The comparative's praise turns to criticism and the
    /// verb names no waiting.
    func readExpectation(_ words: [Int], reading: inout ClauseReading, text: PreparedText, trace: inout Trace) {
        guard text.language == .fi else { return }
        let toks = text.tokens
        guard let verb = words.first(where: { toks[$0].forms.lemmas.contains("odottaa") && toks[$0].best?.wordClass == .verb }),
              let more = words.first(where: { i in
                  i > verb && i <= verb + 3 && (toks[i].forms.surface == "enemmän"
                      || toks[i].analyses.contains { $0.comparison == .comparative && $0.wordClass == .adjective })
              })
        else { return }
        reading.topics.removeAll { $0.topic == .waiting && $0.token == verb }
        var turned = false
        for h in reading.hits.indices where reading.hits[h].token >= more && reading.hits[h].weight > 0 {
            reading.hits[h].weight = -reading.hits[h].weight
            reading.hits[h].rule += "+expectation"
            turned = true
        }
        if !turned, !reading.hits.contains(where: { $0.token >= more }) {
            reading.hits.append(PolarityHit(weight: -1.0, token: more, rule: "expectation"))
        }
        trace.add(toks[verb].text + " " + toks[more].text, "expectation", "expected more than the visit gave: criticism, no wait", clause: reading.index)
    }

    /// The count a number or a Finnish numeral word states ("45", "viisi", "kolmekymmentä", "viisitoista"); "pari"
    /// and "monta" count as a few, "puoli" (tuntia) as half of its unit, which only a longer unit makes a long wait.
    static func statedCount(_ t: PreparedToken) -> Int? {
        if t.kind == .number { return Int(t.text) }
        for lemma in t.forms.lemmas {
            if let n = numeralValue(lemma) { return n }
        }
        return nil
    }

    private static let units: [String: Int] = [
        "yksi": 1, "kaksi": 2, "kolme": 3, "neljä": 4, "viisi": 5, "kuusi": 6, "seitsemän": 7, "kahdeksan": 8,
        "yhdeksän": 9,
    ]

    static func numeralValue(_ lemma: String) -> Int? {
        switch lemma {
        case "kymmenen": return 10
        case "pari": return 2
        case "monta", "usea", "useampi": return 3
        case "puoli", "puolitoista": return 1
        default: break
        }
        if let n = units[lemma] { return n }
        if lemma.hasSuffix("toista"), let n = units[String(lemma.dropLast(6))] { return 10 + n }
        if let r = lemma.range(of: "kymmentä") {
            guard let tens = units[String(lemma[..<r.lowerBound])] else { return nil }
            let rest = String(lemma[r.upperBound...])
            if rest.isEmpty { return tens * 10 }
            return units[rest].map { tens * 10 + $0 }
        }
        return nil
    }

    func readSymbols(_ idxs: [Int], reading: inout ClauseReading, text: PreparedText, lex: Lexicon, trace: inout Trace) {
        let toks = text.tokens
        let symbolIdx = idxs.filter { !toks[$0].isWord && toks[$0].kind != .number }
        var p = 0
        while p < symbolIdx.count {
            var matched = false
            for len in stride(from: min(4, symbolIdx.count - p), through: 1, by: -1) {
                let run = Array(symbolIdx[p..<(p + len)])
                // Only adjacent tokens form one symbol.
                if len > 1, zip(run, run.dropFirst()).contains(where: { toks[$0].range.upperBound != toks[$1].range.lowerBound }) { continue }
                let key = Self.symbolKey(run.map { toks[$0].text }.joined())
                if key.isEmpty { continue }
                if let e = lex.symbolSentiment[key] {
                    reading.hits.append(PolarityHit(weight: e.weight, token: run[0], rule: "emoji", source: e.source, topic: e.topic, symbol: true))
                    trace.add(key, "emoji", String(format: "%+.1f", e.weight), source: e.source, clause: reading.index)
                    p += len
                    matched = true
                    break
                }
            }
            if !matched { p += 1 }
        }
    }

    /// Voikko's negation verb or a negator word of the lexicon ("didn't", "inte", "eikä").
    static func isNegation(_ t: PreparedToken) -> Bool {
        t.isNegationVerb || t.mods.contains { $0.kind == .negator }
    }

    /// The word that ends a privative's noun phrase (at the latest the third word after it): in Finnish not a
    /// degree word, pronoun, adjective or numeral ("ilman mitään selvää syytä" ends at "syytä"); in Swedish and
    /// English, which have no morphology here, the first word the lexicon knows ("without any explanation").
    func isPrivativeHead(_ t: PreparedToken, lex: Lexicon, language: Language) -> Bool {
        if t.mods.contains(where: { $0.kind == .intensifier || $0.kind == .softener }) { return false }
        if language == .fi {
            guard let b = t.best else { return true }
            return ![.pronoun, .adjective, .numeral].contains(b.wordClass)
        }
        return !t.sentiment.isEmpty || !t.topicEntries.isEmpty
    }

    /// Emoji variation selectors do not change meaning.
    static func symbolKey(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.filter { $0.value != 0xFE0F && $0.value != 0x200D }))
    }

    func readMood(_ words: [Int], reading: inout ClauseReading, text: PreparedText, lex: Lexicon, trace: inout Trace) {
        let toks = text.tokens
        let index = reading.index
        func cueMatches(_ kind: CueKind, _ t: PreparedToken) -> CueEntry? {
            lex.cuesByKind[kind]?.first { $0.phrase.elements.count == 1 && $0.phrase.elements[0].matches(t.forms) }
        }
        let sentenceWords = text.sentenceWords[reading.sentence].filter { !toks[$0].isName }
        reading.contactVerb = words.contains { cueMatches(.contactVerb, toks[$0]) != nil }
            && contactAsked(clause: words, sentence: sentenceWords, tokens: toks, lex: lex).asked
            || (lex.cuesByKind[.contact] ?? []).contains {
                $0.phrase.possible(in: text.clauseBits[index]) && matchSequence($0.phrase, in: words, tokens: toks) != nil
            }
        var pastConditional = false
        for (pos, i) in words.enumerated() {
            let t = toks[i]
            guard t.best?.mood == .conditional, t.forms.lemmas.contains("olla") else { continue }
            for j in words[(pos + 1)..<min(words.count, pos + 4)] where toks[j].analyses.contains(where: { $0.participle == "past_active" }) {
                pastConditional = true
                // "En olisi voinut toivoa parempaa" is an idiom of praise, not a wish.
                if let cue = cueMatches(.retroWish, toks[j]), !reading.idiomTokens.contains(j) {
                    reading.hits.append(PolarityHit(weight: -1.5, token: i, rule: "retro-wish", source: cue.source))
                    trace.add("\(t.text) \(toks[j].text)", "retro-wish (past conditional)", "criticism -1.5", source: cue.source, clause: index)
                } else if toks[j].forms.lemmas.contains("olla"), !words.contains(where: { toks[$0].isNegationVerb }) {
                    // "Olisi ollut kiva tietää hinta etukäteen", "olisi ollut parempi": a good thing that would
                    // have been is one that was missing — counterfactual praise is criticism.
                    for h in reading.hits.indices where reading.hits[h].weight > 0 && reading.hits[h].token > j {
                        reading.hits[h].weight = -reading.hits[h].weight * 0.8
                        reading.hits[h].rule = "counterfactual"
                        trace.add(toks[reading.hits[h].token].text, "counterfactual", "what would have been good was missing", clause: index)
                    }
                }
                break
            }
        }
        // Convention 8 in Swedish and English: "should have explained", "I would have liked", "borde ha
        // förklarat", "kunde ha", "hade önskat" wish this visit had been otherwise — criticism, not a proposal.
        if text.language != .fi, !pastConditional {
            let modals: Set<String> = text.language == .en
                ? ["should", "could", "would", "might", "must"]
                : ["borde", "kunde", "skulle", "måste", "hade"]
            let perfect: Set<String> = text.language == .en ? ["have", "'ve"] : ["ha"]
            let wishes: Set<String> = ["önskat", "velat", "hoppats", "behövt", "uppskattat", "föredragit"]
            for (pos, i) in words.enumerated() where !reading.consumed.contains(i) && pos + 1 < words.count {
                let w = toks[i].forms.surface, next = toks[words[pos + 1]].forms.surface
                let retro = ["should've", "could've", "would've"].contains(w)
                    || modals.contains(w) && (perfect.contains(next) || w == "hade" && wishes.contains(next))
                guard retro, !reading.consumed.contains(words[pos + 1]) else { continue }
                pastConditional = true
                reading.hits.append(PolarityHit(weight: -1.5, token: i, rule: "retro-wish"))
                trace.add("\(toks[i].text) \(toks[words[pos + 1]].text)", "retro-wish (past modal)", "criticism -1.5", clause: index)
                return
            }
        }
        // A question asking why, or "eikö …?", complains rather than proposes.
        let isQuestion = toks.contains { $0.sentence == reading.sentence && $0.text == "?" }
        // "Onko mahdollista saada aika illaksi?" asks for something, "onko teillä iltavastaanottoa?" for
        // information: a yes/no question about a possibility or about the clinic's offer is no complaint.
        let asks = words.first.map { toks[$0].forms.surface == "onko" } == true && words.dropFirst().prefix(2).contains { j in
            toks[j].forms.lemmas.contains { ["mahdollinen", "mahdollisuus", "te"].contains($0) }
        }
        if asks, text.language == .fi {
            if words.contains(where: { toks[$0].forms.lemmas.contains { ["mahdollinen", "mahdollisuus"].contains($0) } }) {
                reading.suggestion = (words[0], "suggestion:question")
                trace.add(toks[words[0]].text, "suggestion:question", "asks whether something is possible: a proposal", clause: index)
            }
            return
        }
        if isQuestion, let cue = words.lazy.compactMap({ cueMatches(.rhetorical, toks[$0]) }).first, !reading.contactVerb {
            reading.hits.append(PolarityHit(weight: -1.0, token: words[0], rule: "rhetorical-question", source: cue.source))
            trace.add(toks[words[0]].text, "rhetorical-question", "criticism -1.0", source: cue.source, clause: index)
            return
        }
        if pastConditional || reading.contactVerb { return }
        for i in words {
            let t = toks[i]
            guard let b = t.best else { continue }
            // "takaisin" also reads as "I would guarantee" (taata): a first-person conditional that is also a
            // nominal form is read as the nominal.
            let nominalToo = b.person == 1 && t.analyses.contains { $0.wordClass != .verb }
            // "Suosittelisin tätä paikkaa": the conditional of a verdict verb is a verdict, not a proposal.
            let verdictVerb = t.sentiment.contains { $0.topic == .overall && $0.weight > 0 }
            if b.mood == .conditional, b.wordClass == .verb, !nominalToo, !verdictVerb, !reading.consumed.contains(i) {
                reading.suggestion = (i, "suggestion:conditional")
                trace.add(t.text, "suggestion:conditional", "proposal for the future", clause: index)
                return
            }
            // An imperative inside an idiom ("jatkakaa samaan malliin") is praise, not a proposal.
            if b.mood == .imperative, b.person == 2, b.plural, !t.isNegationVerb, !reading.consumed.contains(i) {
                if let demand = cueMatches(.demand, t) {
                    // "Korjatkaa ajanvarausjärjestelmä toimivaksi": a demand to fix says it is broken; the state
                    // a demand asks for (a translative "toimivaksi") is no praise.
                    reading.hits.removeAll { $0.weight > 0 && toks[$0.token].hasCase(.translative) }
                    // Only "korjatkaa" and "lopettakaa" say so themselves; "tarkistakaa tietonne" closes a complaint
                    // made elsewhere.
                    if !reading.hits.contains(where: { $0.weight < 0 }), text.language == .fi,
                       t.forms.lemmas.contains("korjata") || t.forms.lemmas.contains("lopettaa") {
                        reading.hits.append(PolarityHit(weight: -1.0, token: i, rule: "demand", source: demand.source))
                        trace.add(t.text, "demand", "a demand to fix: criticism -1.0", source: demand.source, clause: index)
                    }
                    continue
                }
                reading.suggestion = (i, "suggestion:imperative")
                trace.add(t.text, "suggestion:imperative", "proposal for the future", clause: index)
                return
            }
        }
        // "Lisää parkkipaikkoja!", "Enemmän hoitajia iltavuoroon": a verbless call for more of something.
        if text.language == .fi, words.count >= 2, ["lisää", "enemmän"].contains(toks[words[0]].forms.surface),
           toks[words[1]].hasCase(.partitive), toks[words[1]].best?.wordClass == .noun,
           !words.dropFirst().contains(where: { toks[$0].best?.wordClass == .verb || toks[$0].isNegationVerb }) {
            reading.suggestion = (words[0], "suggestion:more")
            trace.add(toks[words[0]].text, "suggestion:more", "a call for more: proposal for the future", clause: index)
            return
        }
        for cue in lex.cuesByKind[.suggestion] ?? [] where cue.phrase.possible(in: text.clauseBits[index]) {
            if let m = matchSequence(cue.phrase, in: words, tokens: toks), reading.consumed.isDisjoint(with: m) {
                // "Ei kannata": a negated indicative cue is a verdict, not a proposal.
                if let p = words.firstIndex(of: m[0]), p > 0, words[max(0, p - 2)..<p].contains(where: { toks[$0].isNegationVerb }),
                   toks[m[0]].best?.mood != .conditional {
                    continue
                }
                reading.suggestion = (m[0], "suggestion:cue")
                trace.add(m.map { toks[$0].text }.joined(separator: " "), "suggestion:cue", "proposal for the future", source: cue.source, clause: index)
                return
            }
        }
    }

    func topicMentions(_ words: [Int], degreeWords: Set<Int>, idiomTokens: Set<Int> = [], text: PreparedText, lex: Lexicon, clause: Int, trace: inout Trace) -> [TopicMention] {
        let toks = text.tokens
        var found: [TopicMention] = []
        var personAdj: [TopicMention] = []
        // "mukava hoitaja", or "Lääkäri oli ammattitaitoinen | mutta vähän kylmä": a person word in the clause,
        // or in the clause before when this one is a contrast with no subject of its own.
        func hasPerson(_ idx: [Int]) -> Bool {
            // A person's name counts as a person here ("Hyvönen oli mukava"), though it names no topic.
            idx.contains { j in
                toks[j].isWord && (toks[j].topicEntries.contains { $0.kind == .person }
                    || toks[j].isName && toks[j].analyses.contains { $0.wordClass == .firstName || $0.wordClass == .lastName })
            }
        }
        let clauseTokens = toks.indices.filter { toks[$0].clause == toks[words.first ?? 0].clause }
        var personInSentence = hasPerson(words.isEmpty ? [] : clauseTokens)
        if !personInSentence, let first = words.first, toks[first].opener == .contrast {
            let prevClause = toks[first].clause - 1
            personInSentence = hasPerson(toks.indices.filter { toks[$0].clause == prevClause && toks[$0].sentence == toks[first].sentence })
        }
        // "Lääkäri oli myöhässä. Muuten asiantunteva ja mukava.": a clause with no noun and no verb of its own
        // describes the person of the sentence before.
        if !personInSentence, text.language == .fi, let first = words.first, toks[first].sentence > 0,
           !words.contains(where: { toks[$0].best.map { $0.wordClass == .noun || $0.wordClass == .verb } ?? true }) {
            let previous = toks[first].sentence - 1
            personInSentence = hasPerson(toks.indices.filter { toks[$0].sentence == previous })
        }
        // "En tykännyt siitä lääkäristä": verbs of liking take their object in the elative.
        let likes = words.contains { toks[$0].forms.lemmas.contains("tykätä") || toks[$0].forms.lemmas.contains("pitää") }
        for i in words where !degreeWords.contains(i) {
            let t = toks[i]
            for e in t.topicEntries {
                if excluded(e.topic, tokenIndex: i, text: text, lex: lex) { continue }
                var m = TopicMention(topic: e.topic, priority: e.priority, token: i, rule: "topic-\(e.kind.rawValue)", source: e.source)
                switch e.kind {
                case .personadj: personAdj.append(m)
                case .person where !Self.judgedCase(t) && !(t.hasCase(.elative) && likes):
                    // "Lääkärille jäi vähän aikaa": a person in a local case is not what is judged.
                    continue
                case .lemma where text.language == .fi && e.priority == 2 && Self.isAttributiveParticiple(i, words: words, tokens: toks):
                    // "Ilmoitettu hinta ei pitänyt paikkaansa": an act named as a property of the noun after it
                    // ("the quoted price") is not the act judged.
                    continue
                default:
                    // Only a noun has a quality of its own: "tuntui liukuhihnalta" does not make "tuntua" a topic.
                    if m.priority == 1, text.language != .fi || t.best.map({ $0.wordClass == .noun }) ?? true, let by = ownPredicate(i, words: words, lex: lex, text: text) {
                        // "Hyvä lääkäri", "Palvelu toimi sujuvasti": a fallback noun with a quality of its own.
                        m.priority = 2
                        m.rule += "+own-quality(\(toks[by].text))"
                    }
                    found.append(m)
                }
            }
        }
        if personInSentence { found += personAdj }
        // A degree word that could be a noun is no part of a topic phrase when it was read as degree: "Aika
        // pitkään sai odottaa" is no appointment (aika + saada); "liian vähän aikaa" keeps its "vähän".
        let usable = words.filter { i in
            !idiomTokens.contains(i) && !(degreeWords.contains(i) && toks[i].analyses.contains { $0.wordClass == .noun })
        }
        var phraseWords = Set<Int>()
        for e in lex.phraseTopics {
            guard let p = e.phrase, p.possible(in: text.clauseBits[clause]) else { continue }
            let m: [Int]? = p.kind == .sequence ? matchSequence(p, in: usable, tokens: toks) : matchCooccurrence(p, in: usable, tokens: toks)
            if let m, !excluded(e.topic, tokenIndex: m[0], text: text, lex: lex) {
                found.append(TopicMention(topic: e.topic, priority: e.priority, token: m[0], rule: "topic-phrase", source: e.source))
                if e.priority >= 2 { phraseWords.formUnion(m) }
            }
        }
        // A fallback word (a person, "hoito") that is part of a phrase naming a topic is that topic, not a generic
        // verdict: "terveydenhoitaja vaihtuu joka kerta" is continuity, "hoito oli hyvää" competence.
        found.removeAll { m in
            phraseWords.contains(m.token) && m.rule != "topic-phrase"
                && (m.priority == 1 || m.rule.hasPrefix("topic-person") || m.rule.utf8Contains("+own-quality"))
        }
        // "Ruotsinkielinen palvelu toimi hyvin", "Tulkin kautta asiointi sujui": a service noun qualified by a word
        // that names a topic (right before it) is that topic's service, not a verdict on the whole visit.
        let qualifiers = found.filter { $0.topic != .overall && $0.priority >= 2 }.map(\.token)
        found.removeAll { m in
            guard m.topic == .overall, m.rule.utf8Contains("+own-quality"), let pos = words.firstIndex(of: m.token) else { return false }
            return words[max(0, pos - 2)..<pos].contains { qualifiers.contains($0) }
        }
        var top = found.contains { $0.priority >= 2 } ? found.filter { $0.priority >= 2 } : found
        // Convention 5: how a sample was taken is lab_imaging only; results are communication; medication
        // advice is medication. A topic implied by a quality or act yields to the thing named.
        let named = Set(top.filter { $0.priority == 3 }.map(\.topic))
        // A compound whose head is a result ("labratulos") names the result: its lab part is only a modifier.
        let resultCompound = Set(top.filter { m in
            m.topic == .communication && top.contains { $0.token == m.token && $0.topic == .labImaging }
        }.map(\.token))
        let labAsSubject = top.contains { m in
            m.topic == .labImaging && !resultCompound.contains(m.token)
                && [GrammaticalCase.nominative, .partitive].contains(toks[m.token].best?.grammaticalCase ?? .other)
        }
        let results = (top.contains { $0.rule == "topic-result" } || !resultCompound.isEmpty) && !labAsSubject
        let awaited = results && top.contains { m in
            m.topic == .communication && (m.rule == "topic-result" || resultCompound.contains(m.token)) && toks[m.token].hasCase(.partitive)
        }
        // Convention 7: time spent waiting somewhere is waiting; the place, named as where (inessive, adessive:
        // "laboratoriossa joutui jonottamaan", "aulassa odotin"), is the setting, not what is judged.
        let waitingVerb = top.contains { $0.topic == .waiting && toks[$0.token].best?.wordClass == .verb }
        // The wait may also be a noun the place follows: "pitkä odotus aulassa" ("aulassa oli kylmä ja odotus
        // pitkä" judges both).
        let waitingNouns = top.filter { m in
            m.topic == .waiting && m.priority >= 2 && toks[m.token].best?.wordClass == .noun
                && !toks[m.token].hasCase(.inessive) && !toks[m.token].hasCase(.adessive)
        }.map(\.token)
        top.removeAll { m in
            (m.topic == .labImaging || m.topic == .facilities)
                && (toks[m.token].hasCase(.inessive) || toks[m.token].hasCase(.adessive))
                && (waitingVerb || waitingNouns.contains { $0 < m.token && m.token - $0 <= 2 })
        }
        top.removeAll { m in
            (m.topic == .competence && m.priority == 2 && named.contains(.labImaging))
                || (m.topic == .communication && m.priority == 2 && named.contains(.medication))
                || (m.topic == .labImaging && results)
                // "Odotin tuloksia kaksi viikkoa": results awaited (the partitive object) are communication: how
                // fast they arrive, not a wait or access ("odotin tunnin ja tulokset tulivat nopeasti" keeps both).
                || ((m.topic == .waiting || m.topic == .access) && m.priority == 2 && awaited)
        }
        var seen = Set<Topic>()
        var out: [TopicMention] = []
        for m in top.sorted(by: { $0.token < $1.token }) where seen.insert(m.topic).inserted {
            out.append(m)
            trace.add(toks[m.token].text, m.rule, "topic \(m.topic.rawValue) (priority \(m.priority))", source: m.source, clause: clause)
        }
        return out
    }

    /// Subject and object cases: a noun in one of them can be what a quality word judges.
    static func judgedCase(_ t: PreparedToken) -> Bool {
        guard let c = t.best?.grammaticalCase else { return true }
        return [.nominative, .partitive, .genitive, .accusative, .essive].contains(c)
    }

    /// A sentiment word that names no topic of its own, right before the word ("hyvä lääkäri") or after it
    /// through "olla" ("lääkäri oli hyvä", "palvelu toimi sujuvasti").
    func ownPredicate(_ i: Int, words: [Int], lex: Lexicon, text: PreparedText) -> Int? {
        let toks = text.tokens
        guard let pos = words.firstIndex(of: i) else { return nil }
        // "Työterveyslääkärille on vaikea saada aikaa": a person in a local case is not what is judged.
        if !Self.judgedCase(toks[i]) { return nil }
        func plainQuality(_ j: Int) -> Bool {
            return toks[j].sentiment.contains { $0.condition != .negated } && toks[j].topicEntries.allSatisfy { $0.topic == .overall || $0.kind == .person }
        }
        func isDegree(_ j: Int) -> Bool { toks[j].mods.contains { $0.kind == .intensifier || $0.kind == .softener } }
        var k = pos - 1
        while k >= 0 && k >= pos - 2 {
            // Before the word only an attribute qualifies it: a verb there is the clause's own act
            // ("en ymmärtänyt lääkärin ohjeita" does not judge the doctor).
            if plainQuality(words[k]), text.language != .fi || toks[words[k]].best?.wordClass != .verb { return words[k] }
            if !isDegree(words[k]) { break }
            k -= 1
        }
        var after = pos + 1
        while after < words.count && after <= pos + 3 {
            let j = words[after]
            // "Lääkäri oli hyvin ystävällinen": a degree word before a quality is not the quality.
            let degreeBeforeQuality = isDegree(j) && after + 1 < words.count
                && toks[words[after + 1]].sentiment.contains { $0.condition != .negated }
            if plainQuality(j) && !degreeBeforeQuality { return j }
            let f = toks[j].forms
            if !(f.lemmas.contains("olla") || isDegree(j)) { break }
            after += 1
        }
        return nil
    }

    /// Whether an exclusion removes `topic` at this token or in its sentence ("kielteinen päätös" is not language).
    func excluded(_ topic: Topic, tokenIndex i: Int, text: PreparedText, lex: Lexicon) -> Bool {
        lex.exclusions.contains { e in
            (e.scope == .topic(topic) || e.scope == .all) && excludes(e, tokenIndex: i, text: text)
        }
    }

    /// Whether one exclusion applies at this token: the word itself, or a phrase of its sentence (a sequence
    /// only at its own words, a co-occurrence anywhere in the sentence).
    func excludes(_ e: ExclusionEntry, tokenIndex i: Int, text: PreparedText) -> Bool {
        let t = text.tokens[i]
        switch e.kind {
        case .name:
            return PreparedText.capitalIsNameEvidence(i, in: text.tokens) && e.token!.matches(t.forms)
        case .word:
            return e.token!.matches(t.forms)
        case .phrase:
            let p = e.phrase!
            guard p.possible(in: text.sentenceBits[t.sentence]) else { return false }
            // A sequence applies only at its own words: skip the sentence scan unless this word is one of them.
            if p.kind == .sequence, !p.elements.contains(where: { $0.matches(t.forms) }) { return false }
            let sentenceWords = text.sentenceWords[t.sentence]
            let m = p.kind == .sequence ? matchSequence(p, in: sentenceWords, tokens: text.tokens) : matchCooccurrence(p, in: sentenceWords, tokens: text.tokens)
            guard let m else { return false }
            return p.kind == .cooccurrence || m.contains(i)
        }
    }

    /// Elements in order among `words`, at most two other words between neighbours.
    /// Swedish puts the negation after the finite verb ("hjälpte inte", "lyssnade de inte", "svarade aldrig"):
    /// the nearest sentiment word up to three words back, with no pause between, is negated too.
    func negateVerbBefore(_ pos: Int, words: [Int], reading: inout ClauseReading, consumed: Set<Int>,
                          tokens toks: [PreparedToken], trace: inout Trace) {
        var p = pos - 1
        while p >= 0, pos - p <= 3 {
            let j = words[p]
            if consumed.contains(j) || Self.pauseBetween(j, words[pos], tokens: toks) { return }
            if toks[j].mods.contains(where: { $0.kind == .negator || $0.kind == .scopeEnd || $0.kind == .clause || $0.kind == .contrast }) { return }
            let entries = toks[j].sentiment
            if !entries.isEmpty {
                if let h = reading.hits.lastIndex(where: { $0.token == j && $0.rule == "sentiment-word" }) {
                    let e = entries.first { $0.condition != .negated }
                    if e?.condition == .plain {
                        reading.hits.remove(at: h)
                    } else {
                        let w = reading.hits[h].weight
                        reading.hits[h].weight = w > 0 ? -w * 0.9 : -w * 0.6
                        reading.hits[h].rule = "post-verbal-negation"
                    }
                    trace.add(toks[j].text, "post-verbal-negation", "negation after the verb flips it", clause: reading.index)
                } else if let e = entries.first(where: { $0.condition == .negated }) {
                    reading.hits.append(PolarityHit(weight: e.weight, token: j, rule: "post-verbal-negation", source: e.source, topic: e.topic))
                    trace.add(toks[j].text, "post-verbal-negation", String(format: "%+.2f", e.weight), source: e.source, clause: reading.index)
                }
                return
            }
            p -= 1
        }
    }

    /// Finnish negation takes its subject or object in the partitive, also before it: "Ongelmia ei ollut",
    /// "jonoa ei ollut", "apua en saanut". A partitive nominal with sentiment just before the negation verb (at
    /// most two words back, no pause) is in its scope and is read as negated.
    /// A passive past participle right before a noun in its case: "ilmoitettu hinta", "annetun ohjeen".
    static func isAttributiveParticiple(_ i: Int, words: [Int], tokens toks: [PreparedToken]) -> Bool {
        guard let pos = words.firstIndex(of: i), pos + 1 < words.count, let a = toks[i].analyses.first(where: { $0.participle == "past_passive" }),
              let next = toks[words[pos + 1]].analyses.first(where: { $0.wordClass == .noun }) else { return false }
        return next.grammaticalCase == a.grammaticalCase
    }

    /// A comparative of praise under a negation that says nothing could be better: with the conditional of
    /// "voida" ("ei voisi olla parempi") or with "ever, anywhere" ("parempaa en ole koskaan saanut").
    static func isUnsurpassed(_ tok: PreparedToken, words: [Int], tokens toks: [PreparedToken]) -> Bool {
        guard tok.analyses.contains(where: { $0.comparison == .comparative }) else { return false }
        return words.contains { j in
            let t = toks[j]
            if ["koskaan", "ikinä", "missään", "mistään", "kenenkään", "kenestäkään"].contains(t.forms.surface) { return true }
            return t.forms.lemmas.contains("voida") && t.analyses.contains { $0.mood == .conditional }
        }
    }

    func negatePartitiveBefore(_ pos: Int, words: [Int], reading: inout ClauseReading, tokens toks: [PreparedToken], trace: inout Trace) {
        // "Virhettä ei korjattu": the object of a remedy left undone is still a problem.
        if words[(pos + 1)...].prefix(3).contains(where: { toks[$0].mods.contains { $0.kind == .remedy } }) { return }
        var p = pos - 1
        while p >= 0, pos - p <= 2 {
            let j = words[p]
            if Self.pauseBetween(j, words[pos], tokens: toks) { return }
            let t = toks[j]
            // Any nominal partitive reading: "kipua" also reads as the rare verb "kivuta".
            let nominal = t.analyses.contains { ($0.wordClass == .noun || $0.wordClass == .adjective) && $0.grammaticalCase == .partitive }
            if nominal, let h = reading.hits.lastIndex(where: { $0.token == j && $0.rule == "sentiment-word" }) {
                let entries = t.sentiment
                if reading.hits[h].weight > 0, Self.isUnsurpassed(t, words: words, tokens: toks) {
                    reading.hits[h].rule = "unsurpassed"
                    trace.add(t.text, "unsurpassed", "nothing better: praise stays praise", clause: reading.index)
                    return
                }
                if let e = entries.first(where: { $0.condition == .negated }) {
                    reading.hits[h].weight = e.weight
                } else if entries.first(where: { $0.condition != .negated })?.condition == .plain {
                    reading.hits.remove(at: h)
                    return
                } else {
                    let w = reading.hits[h].weight
                    reading.hits[h].weight = w > 0 ? -w * 0.9 : -w * 0.8
                }
                reading.hits[h].rule = "partitive-negation"
                trace.add(t.text, "partitive-negation", "a partitive before the negation is in its scope", clause: reading.index)
                return
            }
            p -= 1
        }
    }

    /// A comma, semicolon, colon or dash between two tokens: a pause that ends a negation's scope.
    static func pauseBetween(_ a: Int, _ b: Int, tokens: [PreparedToken]) -> Bool {
        guard b > a + 1 else { return false }
        return tokens[(a + 1)..<b].contains { !$0.isWord && Self.pauses.contains($0.text) }
    }
    static let pauses: Set<String> = [",", ";", ":", "–", "—", "-"]

    func matchSequence(_ p: PhrasePattern, in words: [Int], tokens: [PreparedToken]) -> [Int]? {
        let els = p.elements
        guard !els.isEmpty else { return nil }
        for start in words.indices where els[0].matches(tokens[words[start]].forms) {
            var matched = [words[start]]
            var pos = start
            var ok = true
            let head = tokens[words[start]]
            for e in els.dropFirst() {
                var found = false
                var q = pos + 1
                while q < words.count && q <= pos + 3 {
                    let w = tokens[words[q]]
                    if e.matches(w.forms), !p.tight || Self.agree(head, w) && words[q] - words[pos] <= q - pos {
                        matched.append(words[q])
                        pos = q
                        found = true
                        break
                    }
                    // In a noun phrase only an agreeing adjective may stand between.
                    if p.tight && !(Self.agree(head, w) && w.analyses.contains { $0.wordClass == .adjective }) { break }
                    q += 1
                }
                if !found { ok = false; break }
            }
            if ok { return matched }
        }
        return nil
    }

    /// Whether two words can stand in one noun phrase: some reading of each in the same case, or a word
    /// without a case reading (unknown to Voikko, or Swedish and English), where agreement cannot be told.
    static func agree(_ a: PreparedToken, _ b: PreparedToken) -> Bool {
        let ca = a.analyses.compactMap(\.grammaticalCase), cb = b.analyses.compactMap(\.grammaticalCase)
        if ca.isEmpty || cb.isEmpty { return true }
        return ca.contains { cb.contains($0) }
    }

    /// Every positive element somewhere among `words`, no negative element anywhere.
    func matchCooccurrence(_ p: PhrasePattern, in words: [Int], tokens: [PreparedToken]) -> [Int]? {
        var matched: [Int] = []
        for e in p.elements {
            let hit = words.first { e.matches(tokens[$0].forms) }
            if e.negated {
                if hit != nil { return nil }
            } else {
                guard let h = hit else { return nil }
                matched.append(h)
            }
        }
        return matched.sorted()
    }
}
