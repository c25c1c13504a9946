import Testing
@testable import PalauteText

@Suite struct VoikkoTests {
    @Test func compoundPartsComeFromWordBases() throws {
        let voikko = try Voikko()
        let a = try #require(voikko.analyze("ajanvarausjärjestelmässänne").first)
        #expect(a.lemma == "ajanvarausjärjestelmä")
        #expect(a.parts == ["aika", "varata", "us", "järjestelmä"])
        #expect(a.grammaticalCase == .inessive)
    }

    @Test func negationVerbAndComparison() throws {
        let voikko = try Voikko()
        #expect(voikko.analyze("eikä").first?.wordClass == .negationVerb)
        let parempi = try #require(voikko.analyze("parempi").first)
        #expect(parempi.lemma == "hyvä")
        #expect(parempi.comparison == .comparative)
    }

    @Test func cacheCountsHits() throws {
        let voikko = try Voikko()
        _ = voikko.analyze("lääkäri")
        _ = voikko.analyze("lääkäri")
        #expect(voikko.cacheHits == 1)
        #expect(voikko.cacheMisses == 1)
    }
}
