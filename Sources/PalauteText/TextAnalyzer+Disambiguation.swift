/// The deterministic choice among Voikko's readings, and negation.
extension TextAnalyzer {
    /// Title words after which a capitalised word is a name ("hoitaja Liisa", "tri Kivi", "Dr Hyvönen").
    public static let titleWords: Set<String> = [
        "hoitaja", "sairaanhoitaja", "lähihoitaja", "terveydenhoitaja", "lääkäri", "hammaslääkäri",
        "erikoislääkäri", "yleislääkäri", "työterveyslääkäri", "tohtori", "tri", "dr", "fysioterapeutti",
        "kätilö", "psykologi", "hammashoitaja", "suuhygienisti", "professori", "prof", "dosentti", "osastonhoitaja",
        "doctor", "nurse", "läkare", "läkaren", "sjuksköterska", "sjuksköterskan", "sjukskötare", "mr", "mrs", "ms",
    ]

    /// Orders each word's readings, stably, by:
    /// 1. a lower-case word: common readings before proper names ("anna" the verb, "kari" the reef);
    ///    a capitalised word after a title word or inside a sentence: proper names first ("Kiitos Liisalle");
    ///    a capitalised word opening a sentence: common readings first ("Anna palautetta").
    ///    At a sentence start an imperative verb reading comes first ("Soita minulle", not "suo").
    /// 2. fewer compound parts first (the lexicalised reading before an over-segmented one).
    /// Voikko's own order breaks remaining ties. Negation context is applied afterwards by `markNegation`.
    func disambiguate(_ tokens: inout [AnalyzedToken], facts: [WordFacts?]) {
        var previousWord: Int?
        for i in tokens.indices {
            guard tokens[i].token.kind == .word else { continue }
            defer { previousWord = i }
            // Readings arrive sorted by compound parts (Normalizer); only names and imperatives need context.
            guard let f = facts[i], f.needsContextOrder else { continue }
            let readings = tokens[i].analyses
            let capitalised = tokens[i].token.text.unicodeScalars.first.map { $0.properties.isUppercase } ?? false
            let sentenceStart = previousWord.map { tokens[$0].sentence != tokens[i].sentence } ?? true
            let afterTitle = previousWord.map {
                $0 == i - 1 && !sentenceStart && facts[$0]?.isTitle == true
            } ?? false
            let namesFirst = capitalised && (afterTitle || !sentenceStart)
            // Right after a verb, an infinitive is its complement: "voisi kertoa" is the verb, not "kerto".
            let afterVerb = previousWord.map { $0 == i - 1 && !sentenceStart && tokens[$0].best?.wordClass == .verb } ?? false
            // An imperative is not followed by a finite indicative verb: "Kieli oli huonoa" is the noun.
            let beforeFinite = sentenceStart && i + 1 < tokens.count && tokens[i + 1].token.kind == .word
                && tokens[i + 1].analyses.first.map { $0.wordClass == .verb && $0.mood == .indicative && $0.person != nil } == true
            func rank(_ r: MorphAnalysis) -> Int {
                // Sentence-initial imperatives ("Soita minulle", "Palkatkaa lisää hoitajia") before nouns.
                if sentenceStart, !namesFirst, !beforeFinite, r.mood == .imperative, r.wordClass == .verb { return -1 }
                if afterVerb, !namesFirst, r.mood == .infinitive, r.wordClass == .verb { return -1 }
                return r.isProperName != namesFirst ? 1 : 0
            }
            let ranked = readings.enumerated().sorted { a, b in
                (rank(a.element), a.element.parts.count, a.offset) < (rank(b.element), b.element.parts.count, b.offset)
            }
            tokens[i].analyses = ranked.map(\.element)
        }
    }

    /// Marks the connegative after a negation verb ("en *saanut*", "ei *ole*", "ei *tarvinnut*", "eikä *ollut*"):
    /// the first word within three words in the same clause that has a connegative reading (Voikko NEGATIVE
    /// "true"/"both", or a past active participle) gets that reading first, with `connegative` set and
    /// `negatedBy` pointing at the negation verb. A past participle becomes a verb reading with the verb's lemma
    /// ("saanut" → "saada") and the adjective reading is kept after it.
    func markNegation(_ tokens: inout [AnalyzedToken]) {
        var i = 0
        while i < tokens.count {
            defer { i += 1 }
            guard tokens[i].token.kind == .word, tokens[i].best?.wordClass == .negationVerb else { continue }
            let imperative = tokens[i].best?.mood == .imperative  // "älä", "älkää"
            var seen = 0
            var j = i + 1
            while j < tokens.count, seen < 3, tokens[j].clause == tokens[i].clause {
                defer { j += 1 }
                guard tokens[j].token.kind == .word else { continue }
                seen += 1
                if tokens[j].best?.wordClass == .negationVerb { break }
                guard let k = tokens[j].analyses.firstIndex(where: { $0.canBeConnegative }) else { continue }
                var reading = tokens[j].analyses[k]
                var rest = tokens[j].analyses
                rest.remove(at: k)
                if reading.participle == "past_active", let verb = reading.verbLemma {
                    rest.insert(reading, at: 0)
                    reading = MorphAnalysis(
                        lemma: verb, wordClass: .verb, parts: [verb], mood: .indicative, person: tokens[i].best?.person,
                        plural: reading.plural, connegative: true, clitics: reading.clitics, participle: "past_active")
                    reading.canBeConnegative = true
                    reading.verbLemma = verb
                    reading.tense = "past"
                    reading.voikkoClass = "teonsana"
                } else {
                    reading.connegative = true
                    if reading.mood == .imperative, !imperative { reading.mood = .indicative }
                    // The person is the negation verb's: "en ole" is first person although "ole" reads as 2nd.
                    reading.person = tokens[i].best?.person
                    reading.plural = tokens[i].best?.plural ?? false
                }
                tokens[j].analyses = [reading] + rest
                tokens[j].negatedBy = i
                break
            }
        }
    }

    /// Swedish and English: the word after "inte"/"not" (or "don't") is marked as negated.
    func markLightNegation(_ tokens: inout [AnalyzedToken]) {
        for i in tokens.indices where tokens[i].best?.wordClass == .negationVerb {
            var j = i + 1
            while j < tokens.count, tokens[j].token.kind != .word { j += 1 }
            if j < tokens.count, tokens[j].clause == tokens[i].clause { tokens[j].negatedBy = i }
        }
    }
}
