import Testing
@testable import PalauteText

@Suite struct MorphologyTests {
    let analyzer: TextAnalyzer
    init() throws { analyzer = try TextAnalyzer(lexicons: nil) }

    func token(_ text: String, _ surface: String) throws -> AnalyzedToken {
        try #require(analyzer.analyze(text).tokens.first { $0.token.text == surface })
    }

    @Test(arguments: [
        ("en", 1, false), ("et", 2, false), ("ei", 3, false), ("emme", 1, true), ("ette", 2, true), ("eivät", 3, true),
        ("eikä", 3, false), ("enkä", 1, false), ("ettei", 3, false), ("jottei", 3, false), ("etten", 1, false),
        ("ellei", 3, false), ("älä", 2, false),
    ])
    func everyNegationForm(_ form: String, _ person: Int, _ plural: Bool) throws {
        let t = try token("Hoitaja sanoi \(form) tule", form)
        #expect(t.isNegationVerb)
        #expect(t.best?.person == person)
        #expect(t.best?.plural == plural)
        #expect(t.marks.contains("NEG"))
    }

    @Test(arguments: [("En saanut aikaa", "saanut", "saada"), ("Ei ole hyvä", "ole", "olla"),
                      ("Ei tarvinnut odottaa", "tarvinnut", "tarvita"), ("eikä ollut kiire", "ollut", "olla"),
                      ("En kyllä tiedä", "tiedä", "tietää"), ("ei oo kivaa", "oo", "olla")])
    func connegativeAfterNegation(_ text: String, _ verb: String, _ lemma: String) throws {
        let t = try token(text, verb)
        #expect(t.best?.connegative == true)
        #expect(t.lemma == lemma)
        #expect(t.best?.wordClass == .verb)
        #expect(t.negatedBy == 0)
        #expect(t.best?.mood != .imperative)
    }

    @Test func noConnegativeWithoutNegation() throws {
        let ole = try token("Ole hyvä", "Ole")
        #expect(ole.best?.connegative == false)
        #expect(ole.best?.mood == .imperative)
        #expect(try token("Hän oli saanut apua", "saanut").best?.connegative == false)
        #expect(try token("Älä tule", "tule").best?.mood == .imperative)
    }

    @Test func moods() throws {
        #expect(try token("Olisi hyvä jos voisi varata", "voisi").best?.mood == .conditional)
        #expect(try token("Palkatkaa lisää hoitajia!", "Palkatkaa").best?.mood == .imperative)
        #expect(try token("Palkatkaa lisää hoitajia!", "Palkatkaa").marks.contains("IMPV"))
        #expect(try token("Soita minulle", "Soita").lemma == "soittaa")
        // After a verb an infinitive is its complement, not a noun in the partitive ("kerto").
        #expect(try token("Nettisivuilla voisi kertoa aukioloajat", "kertoa").best?.wordClass == .verb)
        #expect(try token("Lääkäri unohti kertoa tuloksista", "kertoa").lemma == "kertoa")
    }

    @Test func inflectionAndCompounds() throws {
        let a = try token("ajanvarausjärjestelmässänne oli vikaa", "ajanvarausjärjestelmässänne")
        #expect(a.lemma == "ajanvarausjärjestelmä")
        #expect(a.best?.parts == ["aika", "varata", "us", "järjestelmä"])
        #expect(a.best?.grammaticalCase == .inessive)
        #expect(try token("jäin ilman apua ja rahatta", "rahatta").best?.grammaticalCase == .abessive)
        #expect(try token("hoitajalta", "hoitajalta").best?.grammaticalCase == .ablative)
        let hyphen = try token("ajanvaraus-järjestelmä kaatui", "ajanvaraus-järjestelmä")
        #expect(hyphen.lemma == "ajanvarausjärjestelmä")
        let head = try token("Kiitos Hanna-hoitajalle", "Hanna-hoitajalle")
        #expect(head.best?.parts.last == "ja")
        #expect(head.best?.grammaticalCase == .allative)
    }

    @Test func comparison() throws {
        let parempi = try token("Palvelu oli parempi kuin ennen", "parempi")
        #expect(parempi.lemma == "hyvä")
        #expect(parempi.best?.comparison == .comparative)
        #expect(parempi.marks.contains("COMPARATIVE"))
        let paras = try token("paras hoitaja", "paras")
        #expect(paras.lemma == "hyvä")
        #expect(paras.best?.comparison == .superlative)
    }

    @Test(arguments: [("hyvinkin", "kin"), ("minäkin", "kin"), ("sitäkään", "kaan"), ("hänkään", "kaan"),
                      ("kaikkihan", "han"), ("hyvähän", "han"), ("onhan", "han"), ("onko", "ko")])
    func clitics(_ word: String, _ clitic: String) throws {
        #expect(try token(word, word).best?.clitics.contains(clitic) == true)
    }

    @Test func ihanHasNoClitic() throws {
        #expect(try token("ihan hyvä", "ihan").best?.clitics.isEmpty == true)
    }

    @Test func ambiguityRuleIsDeterministic() throws {
        // Lower case: the common reading before a name ("anna" the verb, "kari" the reef).
        #expect(try token("voisitko anna ajan", "anna").lemma == "antaa")
        // Capitalised inside a sentence: the name.
        #expect(try token("Hoitajana oli Kari", "Kari").best?.isProperName == true)
        // Capitalised at the start of a sentence: the common reading first.
        #expect(try token("Anna palautetta", "Anna").lemma == "antaa")
        // Same text, same choice every time.
        let texts = (0..<3).map { _ in analyzer.analyze("Anna Kari lahti Lahti").tokens.map(\.lemma) }
        #expect(Set(texts.map { $0.joined(separator: " ") }).count == 1)
    }
}
