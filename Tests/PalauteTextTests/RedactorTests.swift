import Testing
@testable import PalauteText

@Suite struct IdentityCodeTests {
    // Valid codes for every century sign (the 2023 reform's examples, and a 1800s code).
    @Test(arguments: [
        "150385+1230", "131052-308T", "010594Y9021", "020594X903P", "030594W903B", "030694W9024", "040594V9030",
        "050594U903M", "020504A902E", "020504B904H", "020516C903K", "030516D9037", "010501E9032", "020503F9037",
    ])
    func validCodes(_ code: String) {
        #expect(PersonalIdentityCode.problem(code) == nil)
        let r = Redactor().redact("Hetu \(code) kiitos")
        #expect(r.text == "Hetu [HETU] kiitos")
        #expect(r.warnings.isEmpty)
        #expect(r.spans.map(\.kind) == [.hetu])
    }

    @Test func invalidChecksumIsReportedAndStillRedacted() {
        #expect(PersonalIdentityCode.problem("131052-308U") == .checksum)
        let r = Redactor().redact("hetuni on 131052-308U.")
        #expect(r.text == "hetuni on [HETU].")
        #expect(r.warnings.count == 1)
        #expect(r.warnings[0].contains("check character"))
        #expect(!r.warnings[0].contains("131052"))  // the warning itself carries no personal data
    }

    @Test func lowerCaseLettersAreStillCodes() {
        #expect(PersonalIdentityCode.problem("131052a308t") == nil)  // the same digits are valid in the 2000s
        #expect(Redactor().redact("hetu 010594y9021").text == "hetu [HETU]")
        #expect(Redactor().redact("hetu 010594y9021").warnings.isEmpty)
    }

    @Test func impossibleDateIsReported() {
        #expect(PersonalIdentityCode.problem("310252-308T") == .date)
        #expect(PersonalIdentityCode.problem("290223A123X") == .date)  // 2023 is no leap year
    }

    @Test func notCodes() {
        // Wrong century sign, too many digits, inside a longer number.
        for text in ["131052G308T", "1310523-308T", "viite 12131052-308T9"] {
            #expect(Redactor().redact(text).spans.filter { $0.kind == .hetu }.isEmpty, "\(text)")
        }
    }
}

@Suite struct RedactorTests {
    let redactor = Redactor()

    @Test(arguments: [
        "+358 40 123 4567", "+358401234567", "040-1234567", "040 123 4567", "09 123 456", "0401234567",
        "(09) 123 4567", "00358 40 1234567", "050-123 45 67",
    ])
    func phoneNumbers(_ phone: String) {
        let r = redactor.redact("Soittakaa numeroon \(phone) kiitos")
        #expect(r.text == "Soittakaa numeroon [PUHELIN] kiitos", "\(phone)")
    }

    @Test(arguments: [
        "klo 14.30", "3.2.2026", "12.5.", "hinta 120 €", "maksoi 45,50 euroa", "10/10", "arvosana 9", "2026",
        "odotin 45 min", "1 000 euroa", "0,5 mg", "sain 3 kertaa", "viite 12345", "v. 2025-2026",
    ])
    func numberLookAlikesAreKept(_ text: String) {
        #expect(redactor.redact(text).spans.isEmpty, "\(text)")
    }

    @Test func email() {
        let r = redactor.redact("Vastatkaa: liisa.virtanen@example.fi.")
        #expect(r.text == "Vastatkaa: [EMAIL].")
        #expect(redactor.redact("ajanvaraus @ puhelin").spans.isEmpty)
    }

    @Test(arguments: [
        ("Kiitos Liisalle!", "Kiitos [NIMI]!"),
        ("Hoitaja Aino oli ihana", "Hoitaja [NIMI] oli ihana"),
        ("Kiitos tohtori Kivi", "Kiitos tohtori [NIMI]"),
        ("Dr Hyvönen kuunteli", "Dr [NIMI] kuunteli"),
        ("Lääkärinä oli Kari Virtanen.", "Lääkärinä oli [NIMI] [NIMI]."),
        ("Liisa oli ihana", "[NIMI] oli ihana"),
        ("Anna oli ihana hoitaja", "[NIMI] oli ihana hoitaja"),
        ("Kiitos Hanna-hoitajalle", "Kiitos [NIMI]-hoitajalle"),
        ("sairaanhoitaja Virtaselle kiitos", "sairaanhoitaja [NIMI] kiitos"),
        ("Kiitos Matti Meikäläiselle", "Kiitos [NIMI] [NIMI]"),
        ("Vastaanotolla tohtori Lahti oli hyvä", "Vastaanotolla tohtori [NIMI] oli hyvä"),
        ("Jag vill tacka Liisa för god vård", "Jag vill tacka [NIMI] för god vård"),
        ("Thanks to nurse Emma", "Thanks to nurse [NIMI]"),
    ])
    func names(_ text: String, _ expected: String) {
        #expect(redactor.redact(text).text == expected)
    }

    @Test(arguments: [
        "Anna palautetta", "anna aikaa", "Kivikatu 5 on hankala löytää", "Asun Lahdessa", "Kävin Helsingissä",
        "Kiitos hyvästä hoidosta", "Hoitaja oli ystävällinen", "Lääkäri oli asiallinen", "Parkkipaikka puuttuu",
        "Jyväskylän toimipiste oli siisti", "HUS:n palvelu", "Hyvä palvelu", "Lahden terveysasema oli siisti",
        "Kävin lääkärillä Helsingissä", "Tilinumero FI21 1234 5600 0007 85",
        // A title at the end of a sentence does not make the next sentence's first word a name.
        "Hyvä lääkäri. Olisi hyvä jos", "Asiantunteva hoitaja. Hinta vähän kallis.", "Kiva lääkäri. Kiitos!",
    ])
    func lookAlikesAreNotNames(_ text: String) {
        #expect(redactor.redact(text).spans.isEmpty, "\(text) → \(redactor.redact(text).text)")
    }

    @Test func offsetsMapBothWays() {
        let text = "Soita 040-1234567 tai liisa@example.fi 👍🏽 Liisalle kiitos"
        let r = redactor.redact(text)
        #expect(r.text == "Soita [PUHELIN] tai [EMAIL] 👍🏽 [NIMI] kiitos")
        let original = Array(text.unicodeScalars), redacted = Array(r.text.unicodeScalars)
        for span in r.spans {
            #expect(String(String.UnicodeScalarView(redacted[span.redacted])) == span.kind.placeholder)
            #expect(r.redactedOffset(forOriginal: span.original.lowerBound) == span.redacted.lowerBound)
            #expect(r.originalOffset(forRedacted: span.redacted.lowerBound) == span.original.lowerBound)
        }
        // "kiitos" keeps its text in both.
        let o = text.unicodeScalars.count - 6, d = r.text.unicodeScalars.count - 6
        #expect(r.redactedOffset(forOriginal: o) == d)
        #expect(r.originalOffset(forRedacted: d) == o)
        #expect(String(String.UnicodeScalarView(original[o...])) == String(String.UnicodeScalarView(redacted[d...])))
    }

    @Test func analyzerFillsRedaction() throws {
        let a = try TextAnalyzer(lexicons: nil).analyze("Kiitos Liisalle, numero 0401234567")
        #expect(a.redaction.text == "Kiitos [NIMI], numero [PUHELIN]")
        #expect(a.text == "Kiitos Liisalle, numero 0401234567")
    }
}
