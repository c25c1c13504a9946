import Foundation
import GRDB
import PalauteClassify
import PalauteStore
import Testing
@testable import PalauteReport

@Suite struct CSVFormatTests {
    @Test func quotingFollowsRFC4180WithSemicolons() {
        #expect(CSVSink.quote("plain") == "plain")
        #expect(CSVSink.quote("a;b") == "\"a;b\"")
        #expect(CSVSink.quote("sanoi \"hei\"") == "\"sanoi \"\"hei\"\"\"")
        #expect(CSVSink.quote("rivi1\nrivi2") == "\"rivi1\nrivi2\"")
        #expect(CSVSink.quote("cr\r") == "\"cr\r\"")
        #expect(CSVSink.quote("a,b") == "a,b")  // the comma is not the separator
    }

    @Test func numbersForPeopleHaveADecimalComma() {
        #expect(CSVSink.field(.decimal(48.408429, digits: 1)) == "48,4")
        #expect(CSVSink.field(.decimal(-12.25, digits: 2)) == "-12,25")
        #expect(CSVSink.field(.decimal(-0.01, digits: 1)) == "0,0")
        #expect(CSVSink.field(.decimal(0.5, digits: 3)) == "0,500")
        #expect(CSVSink.field(.decimal(nil, digits: 1)) == "")
        #expect(CSVSink.field(.int(1234)) == "1234")
        #expect(CSVSink.field(.bool(true)) == "1")
        #expect(JSONLinesSink.value(.decimal(48.5, digits: 1)) == "48.5")
        #expect(JSONLinesSink.value(.decimal(30, digits: 1)) == "30")
    }

    @Test func formulasAreDefused() {
        for s in ["=HYPERLINK(\"http://x\")", "+358 40", "-1", "@SUM(A1)", "\tx"] {
            #expect(CSVSink.field(.text(s)).hasPrefix("'") || CSVSink.field(.text(s)).hasPrefix("\"'"), "\(s)")
        }
        #expect(CSVSink.field(.text("Hyvä palvelu")) == "Hyvä palvelu")
        #expect(CSVSink.field(.decimal(-5, digits: 1)) == "-5,0")  // numbers are not text: no apostrophe
    }

    @Test func jsonStringsAreEscaped() {
        #expect(JSONLinesSink.string("a\"b\\c\nd\u{1}") == "\"a\\\"b\\\\c\\nd\\u0001\"")
    }

    @Test func exportFilesAreExcelCSV() throws {
        let f = try ReportFixture()
        let tricky = "Odotin; kauan \"liian\" kauan\nja toinen rivi"
        try f.add(score: 3, text: tricky, topics: [TopicLabel(topic: .waiting, label: .criticism)])
        try f.add(score: 10, text: "=HYPERLINK(\"http://evil\";\"klikkaa\")", topics: [TopicLabel(topic: .overall, label: .praise)])
        let summary = try Exporter(database: f.store).export(to: f.out, options: ExportOptions(actor: "testi"))
        let names = Set(summary.files.map(\.lastPathComponent))
        for base in ["responses", "mentions", "followups", "aggregates_month", "aggregates_week", "topics_month",
                     "topics_week", "topic_impact", "topic_impact_unit"] {
            #expect(names.contains("\(base).csv") && names.contains("\(base).jsonl"), "\(base)")
        }
        let bytes = try [UInt8](Data(contentsOf: f.out.appendingPathComponent("responses.csv")))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = try f.dir.read("out/responses.csv")
        // (Foundation drops the BOM when decoding; the bytes above prove it is there.)
        let header = text.drop { $0 == "\u{FEFF}" }.prefix { $0 != "\r" && $0 != "\n" }
        #expect(header.hasPrefix("response_id;source;external_id;"))
        #expect(text.contains("\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").replacingOccurrences(of: tricky, with: "").contains("\r"))
        let records = csvRecords(text)
        #expect(records.count == 2)
        #expect(records[0]["text"] == tricky)  // round-trips through quoting
        #expect(records[1]["text"] == "'=HYPERLINK(\"http://evil\";\"klikkaa\")")
        #expect(records[0]["topics"] == "waiting:criticism")
        #expect(records[0]["nps_category"] == "detractor")

    }

    @Test func aggregatesHaveADecimalCommaInCSVAndPlainNumbersInJSON() throws {
        let f = try ReportFixture()
        for score in [10, 10, 9, 9, 10, 8, 7, 7, 3, 0] { try f.add(day: "2026-03-04", score: score) }
        try Exporter(database: f.store).export(to: f.out, options: ExportOptions(periods: [.month]))
        let agg = csvRecords(try f.dir.read("out/aggregates_month.csv"))
        #expect(agg.count == 1)
        #expect(agg[0]["unit"] == "Yksikkö A")
        #expect(agg[0]["month"] == "2026-03")
        #expect(agg[0]["n"] == "10")
        #expect(agg[0]["nps"] == "30,0")
        #expect(agg[0]["se"] == "24,7")
        #expect(agg[0]["margin95"] == "48,4")
        #expect(agg[0]["nps_low"] == "-18,4")
        #expect(agg[0]["promoter_share"] == "0,500")
        #expect(agg[0]["small_n"] == "1")
        let line = try f.dir.read("out/aggregates_month.jsonl")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(json["nps"] as? Double == 30)
        #expect(abs((json["margin95"] as? Double ?? 0) - 48.40842901809560) < 1e-9)
        #expect(json["small_n"] as? Bool == true)
        #expect(json["unit"] as? String == "Yksikkö A")
        #expect(!FileManager.default.fileExists(atPath: f.out.appendingPathComponent("aggregates_week.csv").path))
    }
}
