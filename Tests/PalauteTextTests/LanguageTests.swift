import Testing
@testable import PalauteText

@Suite struct LanguageTests {
    @Test(arguments: [
        ("Tack!", Language.sv), ("Bra", .sv), ("Tack för god vård!", .sv), ("Bra tandläkare men lite dyrt.", .sv),
        ("Thanks", .en), ("Thank you!", .en), ("Good service", .en), ("Nice doctor, but the wait was long.", .en),
        ("Kiitos!", .fi), ("ok", .fi), ("OK", .fi), ("", .fi), ("😊", .fi), ("Kiitti", .fi), ("mä tykkäsin", .fi),
        ("Hyvä", .fi), ("Lääkäri oli ystävällinen mutta jouduin odottamaan.", .fi),
        // Mixed: a Finnish answer with an English word, a Swedish answer with a Finnish place name.
        ("Kiitos, nice!", .fi), ("Jag fick tid i Jyväskylä samma dag", .sv),
        // Names belong to no language: "Will" is no Finnish evidence, "Maria" no Swedish one.
        ("I will file a complaint.", .en), ("Maria oli ihana.", .fi), ("Tack Maria!", .sv),
    ])
    func identifiesShortAndMixedTexts(_ text: String, _ expected: Language) throws {
        let analyzer = try TextAnalyzer(lexicons: nil)
        #expect(analyzer.analyze(text).language == expected, "\(text)")
    }

    @Test func swedishAndEnglishGetALightReading() throws {
        let analyzer = try TextAnalyzer(lexicons: nil)
        let sv = analyzer.analyze("Läkaren lyssnade inte alls")
        #expect(sv.tokens.map(\.lemma) == ["läkar", "lyssna", "inte", "alls"])
        #expect(sv.tokens[2].isNegationVerb)
        #expect(sv.tokens[3].negatedBy == 2)
        let en = analyzer.analyze("The doctor didn't listen, nurses were waiting")
        #expect(en.tokens.first { $0.token.text == "didn't" }?.isNegationVerb == true)
        #expect(en.tokens.first { $0.token.text == "nurses" }?.lemma == "nurse")
        #expect(en.tokens.first { $0.token.text == "waiting" }?.lemma == "wait")
    }
}
