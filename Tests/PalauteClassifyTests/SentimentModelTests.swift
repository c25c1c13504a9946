import Foundation
import PalauteText
import Testing
@testable import PalauteClassify

@Suite struct SentimentModelTests {
    static let header = "feature\tpositive\tnegative\tneutral\n"

    func features(_ text: String) throws -> [String] {
        let analyzer = try TextAnalyzer()
        return Fixtures.classifier.sentimentReading(analyzer.analyze(text)).reading.features
    }

    @Test func negationMarksTheRestOfItsClause() throws {
        let f = try features("Elokuva ei ollut hyvä, mutta musiikki oli kaunis.")
        #expect(f.contains("n:hyvä"))
        #expect(f.contains("n:olla"))
        #expect(f.contains("w:hyvä"))
        // The next clause is outside the negation's scope.
        #expect(!f.contains("n:kaunis"))
        #expect(f.contains("w:kaunis"))
    }

    @Test func emoticonsPunctuationAndTheRulesVerdictAreFeatures() throws {
        let f = try features("Tänään sataa taas :( Miksi???")
        #expect(f.contains("e::("))
        #expect(f.contains("p:?"))
        #expect(f.contains { $0.hasPrefix("cur:") })
        #expect(f.contains { $0.hasPrefix("len:") })
    }

    /// Inference scores features as they are visited; training reads their names: both must agree.
    @Test func scoringByNameAndByVisitAgree() throws {
        let model = try #require(Fixtures.classifier.sentimentModel)
        let analyzer = try TextAnalyzer()
        let lex = Fixtures.classifier.bundle[.fi]
        let text = PreparedText(analyzer.analyze("Ei tää peli ollut yhtään hyvä, ihan turha :( !!"), language: .fi, lexicon: lex)
        var names: [String] = []
        var z = model.start(general: false)
        SentimentFeatures.visit(text, readings: [], curated: .neutral, lexicon: lex) { f in
            #expect(SentimentFeature(name: f.name) == f)
            names.append(f.name)
            if let w = model.weight(f) { z += w }
        }
        #expect(names.contains("n:hyvä"))
        #expect(names.contains("e::("))
        let byName = model.scores(names)
        #expect(abs(byName.positive - z[0]) < 1e-9 && abs(byName.negative - z[1]) < 1e-9 && abs(byName.neutral - z[2]) < 1e-9)
    }

    @Test func parsesWeightsAndParameters() throws {
        let text = "# comment\n" + Self.header + "(bias)\t0.5\t-0.5\t0\n(margins)\t0.5\tinf\t2\nw:hyvä\t2\t-1\t0\n"
        let m = try SentimentModel.parse(text, file: "sentiment/fi.tsv")
        #expect(m.featureCount == 1)
        #expect(m.flipMargin == .infinity)
        #expect(m.neutralMargin == 2)
        let z = m.scores(["w:hyvä", "w:tuntematon"])
        #expect(z.positive == 2.5)
        #expect(z.negative == -1.5)
        #expect(m.decide(["w:hyvä"]).winner == .positive)
    }

    @Test(arguments: [
        (header + "w:hyvä\t1\tx\t0\n", 2, "'x' is not a number"),
        (header + "w:hyvä\t1\t0\n", 2, "expected 4"),
        ("# c\n" + header + "w:hyvä\t1\t0\t0\nw:hyvä\t1\t0\t0\n", 4, "appears twice"),
        ("lemma\tpositive\tnegative\n", 1, "header"),
        (header + "w:a\tinf\t0\t0\n", 2, "not a number"),
    ])
    func malformedModelNamesFileAndLine(text: String, line: Int, message: String) throws {
        #expect {
            try SentimentModel.parse(text, file: "sentiment/fi.tsv")
        } throws: { error in
            guard let e = error as? SentimentModelError else { return false }
            return e.file == "sentiment/fi.tsv" && e.line == line && e.message.contains(message)
                && e.description.hasPrefix("sentiment/fi.tsv:\(line):")
        }
    }

    @Test func loadingAFileNamesIt() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("model-\(UUID().uuidString).tsv")
        try (Self.header + "(bias)\t0\t0\n").write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: SentimentModelError(file: "sentiment/\(url.lastPathComponent)", line: 2, message: "expected 4 tab-separated columns, got 3")) {
            try SentimentModel.load(from: url)
        }
    }

    @Test func theBundledModelLoads() throws {
        let m = try #require(Fixtures.classifier.sentimentModel)
        #expect(m.featureCount > 1000)
        #expect(Fixtures.classifier.lexiconVersion != Fixtures.classifier.bundle.version)
    }

    /// General Finnish the patient-feedback lexicon does not read: the learned model gives the verdict.
    @Test func theModelLabelsGeneralTextTheRulesLeaveAlone() throws {
        let analyzer = try TextAnalyzer()
        let sigh = "Huoh, taas sataa ja olen niin väsynyt"
        let negative = Fixtures.classifier.classify(analyzer.analyze(sigh), score: nil)
        #expect(negative.sentiment == .negative)
        // The evidence is the word that weighs most, not the first.
        #expect(negative.evidence.contains { $0.rule == "general-sentiment" && $0.text == "väsynyt" })
        let greeting = Fixtures.classifier.classify(analyzer.analyze("Moi kaikki, tervetuloa mukaan"), score: nil)
        #expect(greeting.sentiment == .positive)
        #expect(greeting.evidence.contains { $0.rule == "general-sentiment" })
        #expect(greeting.confidence <= 0.5)
        // Without the model the rules see nothing in either.
        let withoutModel = Classifier(bundle: Fixtures.classifier.bundle)
        #expect(withoutModel.classify(analyzer.analyze(sigh), score: nil).sentiment == .neutral)
        // The general-domain mode lets the model decide where the feedback mode keeps to the rules.
        var general = Fixtures.classifier
        general.generalDomain = true
        #expect(general.classify(analyzer.analyze("Onnea matkaan ja nauttikaa lomasta"), score: nil).sentiment == .positive)
        #expect(Fixtures.classifier.classify(analyzer.analyze("Onnea matkaan ja nauttikaa lomasta"), score: nil).sentiment == .neutral)
    }
}
