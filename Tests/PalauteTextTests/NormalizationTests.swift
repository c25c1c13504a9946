import Foundation
import Testing
@testable import PalauteText

@Suite struct NormalizationTests {
    let analyzer: TextAnalyzer
    init() throws { analyzer = try TextAnalyzer() }

    func normalized(_ text: String) -> [String] {
        analyzer.analyze(text).tokens.filter { $0.token.kind == .word }.map(\.normalized)
    }

    @Test func colloquialForms() {
        #expect(normalized("mä oon tosi tyytyväinen") == ["minä", "olen", "tosi", "tyytyväinen"])
        #expect(normalized("kiitti, sä olit ihan jees") == ["kiitos", "sinä", "olit", "ihan", "hyvä"])
        #expect(normalized("kyl mun mielestä hyvvee") == ["kyllä", "minun", "mielestä", "hyvää"])
        #expect(normalized("ei oo sun vika") == ["ei", "ole", "sinun", "vika"])
    }

    @Test func spokenEndings() {
        #expect(normalized("oli tosi kiva, tuli hyvä mieli ja meni nopeesti") ==
                ["oli", "tosi", "kiva", "tuli", "hyvä", "mieli", "ja", "meni", "nopeasti"])
        #expect(normalized("ei ollu kauhee") == ["ei", "ollut", "kauhea"])
        #expect(normalized("hirveesti jonoa") == ["hirveästi", "jonoa"])
        #expect(normalized("huonoo palvelua") == ["huonoa", "palvelua"])
    }

    @Test func caseFoldingAndElongation() {
        #expect(normalized("KIITOS") == ["kiitos"])
        #expect(normalized("kiitoooos") == ["kiitos"])
        #expect(normalized("Kiiiitos hyvääää") == ["kiitos", "hyvää"])
    }

    @Test func missingDiacritics() {
        #expect(normalized("laakari oli hyva") == ["lääkäri", "oli", "hyvä"])
        #expect(normalized("olin tyytyvainen etta paasin") .prefix(3) == ["olin", "tyytyväinen", "että"])
    }

    @Test func newCompoundsAreSplitAtTheLongestKnownHead() throws {
        let t = try #require(analyzer.analyze("takaisinsoittomahdollisuutta ei ollut").tokens.first)
        #expect(t.normalizedBy == .compound)
        #expect(t.lemma == "takaisinsoittomahdollisuus")
        #expect(t.best?.parts.first == "takaisin")
        #expect(t.best?.parts.contains("mahdollinen") == true)
        #expect(t.best?.grammaticalCase == .partitive)
    }

    @Test func healthcareSlangFromTheTable() {
        #expect(normalized("fyssari ja terkkari") == ["fysioterapeutti", "ja", "terveydenhoitaja"])
        #expect(normalized("mäkin tarvii apua") == ["minäkin", "tarvitsee", "apua"])
    }

    @Test func lemmasComeFromTheRecognisedForm() throws {
        let t = try #require(analyzer.analyze("kiitoooos laakari").tokens.last)
        #expect(t.lemma == "lääkäri")
        #expect(t.token.text == "laakari")
    }

    @Test func variantsArePureAndBounded() {
        #expect(Normalizer.squeezeVariants("kiitoooos") == ["kiitoos", "kiitos"])
        #expect(Normalizer.squeezeVariants("kiitos") == nil)
        #expect(Normalizer.diacriticVariants("hyva").first == "hyvä")
        #expect(Normalizer.diacriticVariants("aaaaaaaa").count == 1)  // more than three a/o: all-front only
        #expect(Normalizer.spokenVariants("ollu").contains("ollut"))
        #expect(Normalizer.spokenVariants("mennää").contains("mennään"))
        // Spoken case endings: partitive plural, inessive and elative without their vowel.
        #expect(Normalizer.spokenVariants("parkkipaikkoi").contains("parkkipaikkoja"))
        #expect(Normalizer.spokenVariants("netis").contains("netissä"))
        #expect(Normalizer.spokenVariants("labrast").contains("labrasta"))
        #expect(Normalizer.spokenVariants("kyssärei").contains("kyssäreitä"))
        #expect(Normalizer.editDistance("lääkäri", "laakari", limit: 3) == 3)
        #expect(Normalizer.editDistance("asiallnen", "asiallinen", limit: 2) == 1)
        #expect(Normalizer.editDistance("a", "abcdef", limit: 2) == 3)
    }

    @Test func suggestionsAreCachedAndBounded() throws {
        let voikko = try Voikko()
        let normalizer = Normalizer(voikko: voikko, colloquial: .builtIn, suggestionBudget: 1)
        let first = normalizer.resolve("asiallnen")
        #expect(first.source == .suggestion)
        #expect(first.normalized == "asiallinen")
        #expect(first.analyses.first?.lemma == "asiallinen")
        _ = normalizer.resolve("asiallnen")
        #expect(normalizer.suggestionsUsed == 1)
        // Budget spent: the next unknown word stays unknown.
        #expect(normalizer.resolve("erinomanen").source == .unknown)
    }

    /// Voikko ranks "kastuin" before "kaaduin" for the gradation slip "kaatuin"; the slip's correction wins.
    @Test func gradationAndLengthSlipsArePreferred() throws {
        #expect(Normalizer.isGradationOrLengthSlip("kaaduin", "kaatuin"))      // t/d
        #expect(Normalizer.isGradationOrLengthSlip("lähdettiin", "lähdettin"))  // ii/i
        #expect(Normalizer.isGradationOrLengthSlip("otettiin", "ottettiin"))    // t/tt
        #expect(Normalizer.isGradationOrLengthSlip("kannattaa", "kantattaa"))   // nn/nt
        #expect(!Normalizer.isGradationOrLengthSlip("kastuin", "kaatuin"))
        #expect(!Normalizer.isGradationOrLengthSlip("asiallinen", "asiallnen"))  // a dropped letter, not a length slip
        let normalizer = Normalizer(voikko: try Voikko(), colloquial: .builtIn, suggestionBudget: 5)
        let fell = normalizer.resolve("kaatuin")
        #expect(fell.source == .suggestion)
        #expect(fell.analyses.first?.lemma == "kaatua")
        #expect(normalizer.resolve("asiallnen").normalized == "asiallinen")  // ordinary slips still go to Voikko's first
    }
}

@Suite struct ColloquialTableTests {
    @Test func parsesCommentsAndEntries() throws {
        let t = try ColloquialTable.parse("# comment\n\nmä\tminä\nkiitti\tkiitos\n", file: "x.tsv")
        #expect(t.entries == ["mä": "minä", "kiitti": "kiitos"])
    }

    @Test(arguments: [
        ("mä minä\n", 1, "tab-separated"), ("mä\tminä\nmä\tmie\n", 2, "already defined on line 1"),
        ("# c\nMä\tminä\n", 2, "not lower case"), ("mä\t\n", 1, "empty"), ("mä\tminä\textra\n", 1, "3 tab"),
        ("mä\tminä\nsä\tsä\n", 2, "mapped to itself"), ("mä\tmin ä\n", 1, "contains a space"),
    ])
    func errorsNameFileAndLine(_ text: String, _ line: Int, _ message: String) {
        do {
            _ = try ColloquialTable.parse(text, file: "lexicons/colloquial.tsv")
            Issue.record("expected an error for \(text)")
        } catch let e as LexiconError {
            #expect(e.file == "lexicons/colloquial.tsv")
            #expect(e.line == line)
            #expect(e.message.contains(message), "\(e.message)")
            #expect(e.description.hasPrefix("lexicons/colloquial.tsv:\(line): "))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func shippedFileLoadsAndAgreesWithBuiltIn() throws {
        let folder = try ResourceLocator.locate("lexicons")
        let table = try ColloquialTable.load(from: folder.appendingPathComponent("colloquial.tsv"))
        #expect(table.entries.count >= 80)
        for (k, v) in ColloquialTable.builtIn.entries {
            #expect(table.standard(for: k) == v, "built-in \(k) → \(v) disagrees with the file")
        }
    }

    @Test func malformedFileFailsTheAnalyzer() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("palaute-lex-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "mä\tminä\nbroken line\n".write(to: dir.appendingPathComponent("colloquial.tsv"), atomically: true, encoding: .utf8)
        #expect(throws: LexiconError.self) { try TextAnalyzer(lexicons: dir) }
    }
}
