import Testing
@testable import PalauteText

@Suite struct SegmentationTests {
    func clauses(_ text: String) throws -> [String] {
        let a = try TextAnalyzer(lexicons: nil).analyze(text)
        return a.clauses.map { $0.map { a.tokens[$0].token.text }.joined(separator: " ") }
    }

    func sentences(_ text: String) throws -> Int {
        let a = try TextAnalyzer(lexicons: nil).analyze(text)
        return Set(a.tokens.map(\.sentence)).count
    }

    @Test func sentenceMarksAndLineBreaks() throws {
        #expect(try sentences("Hyvä palvelu. Kiitos! Miksi näin? Hoitaja oli hyvä; lääkäri ei") == 5)
        #expect(try sentences("hyvä palvelu\nkiitos") == 2)
    }

    @Test func datesTimesAndAbbreviationsDoNotEndSentences() throws {
        #expect(try sentences("Aika oli klo 14.30 ja 3.2. tuli kutsu.") == 1)
        #expect(try sentences("Esim. ajanvaraus ja mm. laboratorio toimivat.") == 1)
        #expect(try sentences("Vastaanotolla tri. Virtanen.") == 1)
    }

    @Test func clauseWordsOpenClauses() throws {
        #expect(try clauses("Lääkäri oli ystävällinen mutta jouduin odottamaan tunnin.") ==
                ["Lääkäri oli ystävällinen", "mutta jouduin odottamaan tunnin ."])
        #expect(try clauses("Hyvä hoito vaikka jono oli pitkä") == ["Hyvä hoito", "vaikka jono oli pitkä"])
        #expect(try clauses("Good doctor but long wait") == ["Good doctor", "but long wait"])
        #expect(try clauses("Bra läkare men lång väntetid") == ["Bra läkare", "men lång väntetid"])
    }

    @Test func commasSplitClausesNotLists() throws {
        #expect(try clauses("Nopea, ystävällinen, asiallinen.") == ["Nopea , ystävällinen , asiallinen ."])
        #expect(try clauses("Hoitaja oli ystävällinen, lääkäri oli töykeä") ==
                ["Hoitaja oli ystävällinen ,", "lääkäri oli töykeä"])
        #expect(try clauses("Toivon, että aikoja olisi enemmän") == ["Toivon ,", "että aikoja olisi enemmän"])
    }
}
