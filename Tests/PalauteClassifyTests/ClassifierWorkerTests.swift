import Foundation
import Testing
import PalauteText
@testable import PalauteClassify

@Suite struct ClassifierWorkerTests {
    /// A repeated comment is answered from memory with exactly what a fresh reading gives, for its own score.
    @Test func repeatsAnswerAsAFreshReading() throws {
        let classifier = try Classifier()
        let worker = ClassifierWorker(classifier: classifier, analyzer: try TextAnalyzer())
        let text = "Lääkäri oli ystävällinen mutta jouduin odottamaan tunnin."
        let first = worker.classify(text, score: 9)
        let again = worker.classify(text, score: 3)
        #expect(worker.readings == 1 && worker.repeats == 1)
        let fresh = classifier.classify(try TextAnalyzer().analyze(text), score: 3)
        #expect(again.classification == fresh)
        #expect(again.redactedText == first.redactedText)
        #expect(first.classification.nps == .promoter && again.classification.nps == .detractor)
        #expect(again.classification.followUp)  // a detractor who criticises waiting
        #expect(!first.classification.followUp)
    }

    /// `scored` recomputes what depends on the score: a promoter who only complains is a mismatch.
    @Test func scoredRecomputesScoreFields() throws {
        let classifier = try Classifier()
        let c = classifier.classify(try TextAnalyzer().analyze("Jouduin odottamaan tunnin."), score: nil)
        #expect(c.nps == nil && !c.mismatch && !c.followUp)
        #expect(c.scored(10).mismatch && c.scored(10).nps == .promoter)
        #expect(c.scored(2).followUp && !c.scored(2).mismatch)
        #expect(c.scored(nil) == c)
    }

    /// Every copy of a text goes to one worker; shares keep input order and cover every response once.
    @Test func sharesByTextHash() {
        let texts = ["Kiitos!", "Hyvä palvelu", "", "Kiitos!", "Jono oli pitkä", "", "Kiitos!"]
        let shares = ClassifierWorker.shares(of: texts, workers: 2)
        #expect(shares.count == 2)
        #expect(shares.flatMap { $0 }.sorted() == Array(texts.indices))
        for share in shares { #expect(share == share.sorted()) }
        for (i, t) in texts.enumerated() {
            let w = ClassifierWorker.worker(for: t, of: 2)
            #expect(shares[w].contains(i))
        }
        #expect(ClassifierWorker.shares(of: texts, workers: 1) == [Array(texts.indices)])
    }

    /// The batch path answers each response as one worker reading them one by one would.
    @Test func batchMatchesOneByOne() throws {
        let classifier = try Classifier()
        let texts = ["Kiitos!", "Pitkä jono, mutta ystävällinen hoitaja.", "Kiitos!", "Voisitteko soittaa minulle?", ""]
        let inputs = texts.enumerated().map { BatchInput(text: $1, score: $0 * 2) }
        let batch = try BatchClassifier.classify(inputs, with: classifier, workers: 2)
        let analyzer = try TextAnalyzer()
        for (input, got) in zip(inputs, batch) {
            #expect(got == classifier.classify(analyzer.analyze(input.text), score: input.score), "\(input.text)")
        }
    }
}

@Suite struct ResponseFileTests {
    /// Input fields pass through as JSON wrote them: whole numbers, booleans, decimals, arrays, null.
    @Test func fieldsPassThrough() throws {
        let line = #"{"id":1,"score":7,"flag":true,"off":false,"zero":0,"x":1.5,"y":[1,2],"z":-3,"n":null,"text":"Hyvä"}"#
        let rows = try ResponseFile.readJSONL(line, file: "x.jsonl")
        let out = ResponseFile.jsonLine(rows[0], Fixtures.classifier.classify(try TextAnalyzer().analyze("Hyvä"), score: 7))
        #expect(out.hasPrefix(#"{"id":1,"score":7,"flag":true,"off":false,"zero":0,"x":1.5,"y":[1,2],"z":-3,"n":null,"text":"Hyvä","lang":"#))
    }

    /// Top-level keys keep their written order, whatever their letters; nested keys do not count.
    @Test func keyOrderIsReadFromTheRawLine() {
        let order = ResponseFile.keyOrder(#"{"yksikkö":"Ä","meta":{"z":1,"a":[{"q":2}]},"id":"x:1","text":"a, b: \"c\"","ä":0}"#)
        #expect(order == ["yksikkö": 0, "meta": 1, "id": 2, "text": 3, "ä": 4])
    }

    /// Lines are parsed on several threads; the bad line reported is still the first one in the file.
    @Test func firstBadLineIsReported() throws {
        var lines = (1...1200).map { #"{"id":"r\#($0)","score":7,"text":"Hyvä \#($0)"}"# }
        lines[899] = "{not json"
        lines[1099] = "[1]"
        lines[10] = "   "
        let error = #expect(throws: ResponseFileError.self) {
            try ResponseFile.readJSONL(lines.joined(separator: "\n"), file: "x.jsonl")
        }
        #expect(error?.line == 900)
        lines[899] = #"{"id":"fixed","text":"ok"}"#
        lines[1099] = #"{"id":"fixed2","text":"ok"}"#
        let rows = try ResponseFile.readJSONL(lines.joined(separator: "\r\n"), file: "x.jsonl")
        #expect(rows.count == 1199)
        #expect(rows[0].line == 1 && rows[10].line == 12)
        #expect(rows[0].field("id") as? String == "r1")
        #expect(rows[0].score == 7 && rows[0].text == "Hyvä 1")
        // Lines are formatted on several threads and come out in input order.
        let some = Array(rows.prefix(700))
        let results = try BatchClassifier.classify(some.map { BatchInput(text: $0.text, score: $0.score) }, with: Fixtures.classifier)
        let out = ResponseFile.jsonLines(some, results).split(separator: "\n")
        #expect(out.count == 700)
        for (row, line) in zip(some, out) {
            #expect(line.hasPrefix(#"{"id":"\#(row.field("id") as! String)","score":7,"text":"#))
        }
    }
}
