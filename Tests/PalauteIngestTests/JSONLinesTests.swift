import Foundation
import Testing
@testable import PalauteIngest

@Suite struct JSONLinesTests {
    @Test func goldFormatIsReadAndLabelsIgnored() throws {
        let (reader, result) = try readAll(fixture("gold-format.jsonl"))
        #expect(reader.format == .jsonLines)
        let j1 = try #require(result.record("J1"))
        #expect(j1 == SurveyRecord(
            externalID: "J1", channel: "sms", unit: "Keltakankaan terveysasema", service: "yleislääkäri",
            visitedOn: "2026-03-02", score: 4, text: "Lääkäri oli ystävällinen mutta jouduin odottamaan tunnin.", line: 1))
        #expect(result.record("J2")?.score == nil)
        #expect(result.record("J2")?.line == 3)
        #expect(result.record("J3")?.score == 7)
        #expect(result.record("6")?.visitedOn == "2026-03-06")
        #expect(result.record("6")?.score == 9)
        #expect(result.rejects.map(\.line) == [5, 6])
        #expect(result.reject(line: 5)?.reason == "not a JSON object")
        #expect(result.reject(line: 6)?.field == "score")
    }

    @Test func jsonArrayIsAFileLevelError() throws {
        let dir = try TemporaryDirectory()
        let url = try dir.write("a.json", "[{\"id\": \"1\"}]")
        #expect(throws: ExportError(file: "a.json", problem: .jsonArray)) { try ExportReader(url: url, name: "a.json") }
    }

    @Test func contentDecidesFormatForTxt() throws {
        let dir = try TemporaryDirectory()
        let url = try dir.write("export.txt", "{\"id\": \"1\", \"score\": 10, \"text\": \"Kiitos\"}\n")
        let (reader, result) = try readAll(url)
        #expect(reader.format == .jsonLines)
        #expect(result.records.first?.text == "Kiitos")
    }
}

@Suite struct JSONLiteralTests {
    /// Clean texts take the fast path, the rest are escaped; every literal reads back as the original text.
    @Test(arguments: [
        "", "Kiitos!", "hyvä 😀 palvelu", "sanoi \"hei\"", "a\\b", "rivi\nrivi", "tab\there", "\u{1}", "x\u{2028}y",
        "x\u{2029}", "\u{2027}\u{202A}", "👍🏽 ok", "\r\n",
    ])
    func roundTrips(_ text: String) throws {
        let literal = JSONLiteral.string(text)
        let back = try JSONSerialization.jsonObject(with: Data(literal.utf8), options: .fragmentsAllowed) as? String
        #expect(back == text)
        #expect(!literal.unicodeScalars.contains { $0 == "\u{2028}" || $0 == "\u{2029}" || $0.value < 0x20 })
    }
}
