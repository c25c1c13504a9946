import Testing
@testable import PalauteText

@Suite struct TokenizerTests {
    let tokenizer = Tokenizer()

    func kinds(_ text: String) -> [String] {
        tokenizer.tokenize(text).map { "\($0.kind.rawValue):\($0.text)" }
    }

    @Test func hyphenatedCompoundsAreOneWord() {
        #expect(kinds("E-resepti ja ajanvaraus-järjestelmä") == ["word:E-resepti", "word:ja", "word:ajanvaraus-järjestelmä"])
        #expect(kinds("HUS:n 3-vuotias") == ["word:HUS:n", "word:3-vuotias"])
    }

    @Test func timesDatesAndNumbers() {
        #expect(kinds("klo 14.30") == ["word:klo", "time:14.30"])
        #expect(kinds("kello 9") == ["word:kello", "time:9"])
        #expect(kinds("14:30") == ["time:14:30"])
        #expect(kinds("3.2. ja 12.5.2026") == ["date:3.2.", "word:ja", "date:12.5.2026"])
        #expect(kinds("maksoi 3,50 €") == ["word:maksoi", "number:3,50", "symbol:€"])
        #expect(kinds("3. kerta") == ["number:3.", "word:kerta"])
        #expect(kinds("10/10") == ["date:10/10"] || kinds("10/10") == ["number:10", "punctuation:/", "number:10"])
    }

    @Test func urlsAndEmail() {
        #expect(kinds("katso https://www.example.fi/ajanvaraus.") ==
                ["word:katso", "url:https://www.example.fi/ajanvaraus", "punctuation:."])
        #expect(kinds("www.kela.fi") == ["url:www.kela.fi"])
        #expect(kinds("matti.virtanen@example.com, kiitos") ==
                ["email:matti.virtanen@example.com", "punctuation:,", "word:kiitos"])
    }

    @Test(arguments: [":)", ":(", ":D", ";)", "<3", ":/", ":-)", ":P", "xD", ":)))"])
    func emoticons(_ e: String) {
        #expect(kinds("kiitos \(e) hyvä") == ["word:kiitos", "emoticon:\(e)", "word:hyvä"])
    }

    @Test func emoticonLookAlikesAreNot() {
        #expect(!kinds("https://x.fi").contains("emoticon::/"))
        #expect(kinds("xDD") == ["emoticon:xDD"])
        #expect(kinds("xdata") == ["word:xdata"])
        #expect(kinds("Huom:(lisätieto)").contains("emoticon::(") == false)
    }

    @Test func emojiSequencesAreOneToken() {
        // Skin tone, ZWJ sequence (health worker), flag, heart with variation selector, keycap.
        for e in ["👍🏽", "👩‍⚕️", "🇫🇮", "❤️", "😊", "👨‍👩‍👧"] {
            #expect(kinds("hyvä\(e)") == ["word:hyvä", "emoji:\(e)"], "\(e)")
        }
        #expect(kinds("😊😊") == ["emoji:😊", "emoji:😊"])
    }

    @Test func punctuationRunsAreOneToken() {
        #expect(kinds("Kiitos!!! Miksi?!") == ["word:Kiitos", "punctuation:!!!", "word:Miksi", "punctuation:?!"])
    }

    @Test(arguments: [
        "Kiitos Liisalle! 👩‍⚕️👍🏽 Hoitaja oli ihana :) klo 14.30 3.2. E-resepti ok?",
        "Åsa sade: \"bra\" – tack 🇸🇪\nRad två\r\nrad kolme",
        "", "   ", "ääää!!!", "a-", "-b", "x@y", "@", "http://", ":", "1.", "12.5.",
    ])
    func offsetsRoundTrip(_ text: String) {
        let scalars = Array(text.unicodeScalars)
        for t in tokenizer.tokenize(text) {
            let slice = String(String.UnicodeScalarView(scalars[t.range]))
            #expect(slice == t.text)
        }
        // Every non-space scalar belongs to exactly one token.
        let covered = tokenizer.tokenize(text).reduce(0) { $0 + $1.range.count }
        #expect(covered == scalars.filter { !Tokenizer.isSpace($0) }.count)
    }
}
