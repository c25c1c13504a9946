import Testing
@testable import PalauteClassify

@Suite struct PreparedTextTests {
    /// Runs of three or more letters shrink to one, also for ä and ö (two bytes each) and decomposed letters;
    /// words with doubled letters are left alone.
    @Test(arguments: [
        ("kiitoooos", "kiitos"), ("hyvääää", "hyvä"), ("sinneee", "sinne"), ("äää", "ä"), ("jees", "jees"),
        ("vastaanotto", "vastaanotto"), ("hyvä", "hyvä"), ("", ""), ("a\u{308}a\u{308}a\u{308}", "a\u{308}"),
        ("superiiii", "superi"), ("!!!", "!"),
    ])
    func deElongate(_ input: String, _ expected: String) {
        #expect(PreparedText.deElongate(input) == expected)
    }

    /// Shouting needs three letters, all upper case; digits and punctuation do not count.
    @Test func allCaps() {
        #expect(PreparedText.isAllCaps("HUONO"))
        #expect(PreparedText.isAllCaps("KÄYTÖS"))
        #expect(!PreparedText.isAllCaps("OK"))
        #expect(!PreparedText.isAllCaps("Huono"))
        #expect(!PreparedText.isAllCaps("HUONo"))
        #expect(!PreparedText.isAllCaps("käytös"))
        #expect(PreparedText.isAllCaps("ÄÄNI!"))
        #expect(!PreparedText.isAllCaps("112"))
    }
}
