import Foundation
import Testing
@testable import PalauteIngest

@Suite struct CSVTests {
    @Test func quotedFieldsKeepNewlinesAndDoubledQuotes() throws {
        let (reader, result) = try readAll(fixture("comma-english.csv"))
        #expect(reader.format == .csv(delimiter: UInt8(ascii: ",")))
        #expect(result.record("E1")?.text == "Very good, thank you")
        #expect(result.record("E2")?.text == "The doctor said \"come back tomorrow\"\nbut nobody called.\nBad.")
        #expect(result.record("E2")?.channel == "web")
        #expect(result.record("E2")?.service == "GP")
        #expect(result.record("E3")?.text == "")
        #expect(result.record("E3")?.score == 7)
        // Line numbers are where each row starts; E2 spans lines 3–5.
        #expect(result.records.map(\.line) == [2, 3, 6])
    }

    @Test func brokenQuotesRejectTheRowAndTheRestLands() throws {
        let (_, result) = try readAll(fixture("broken-quotes.csv"))
        #expect(result.records.map(\.externalID) == ["Q1", "Q3", "Q5"])
        #expect(result.record("Q5")?.line == 6)
        #expect(result.rejects.map(\.line) == [3, 5])
        #expect(result.reject(line: 3)?.reason.contains("closing quote") == true)
        #expect(result.reject(line: 5)?.reason.contains("not closed") == true)
        #expect(result.rejects.allSatisfy { $0.file == "broken-quotes.csv" })
    }

    @Test func hundredColumnsMapTheRightOnes() throws {
        let (reader, result) = try readAll(fixture("wide-100.csv"))
        #expect(reader.columns[.score] == "Suositteluhalukkuus (0-10)")
        #expect(reader.columns[.text] == "Vapaa palaute")
        #expect(result.rejects.isEmpty)
        #expect(result.records.map(\.externalID) == ["W1", "W2", "W3"])
        #expect(result.records.map(\.score) == [8, 9, 10])
        #expect(result.record("W3")?.text == "Kommentti 3")
        #expect(result.record("W3")?.unit == "Hervannan terveysasema")
    }

    @Test func tabDelimitedWithoutIdsGetsStableDerivedIds() throws {
        let (reader, result) = try readAll(fixture("no-id.tsv"))
        #expect(reader.format == .csv(delimiter: UInt8(ascii: "\t")))
        #expect(reader.derivesIDs)
        let ids = result.records.map(\.externalID)
        #expect(ids.count == 3)
        #expect(Set(ids).count == 3)
        // Two identical rows: the second gets the -2 suffix.
        #expect(ids[1] == ids[0] + "-2")
        #expect(ids[0].hasPrefix("row-"))
        // Reading again gives the same ids.
        let (_, again) = try readAll(fixture("no-id.tsv"))
        #expect(again.records.map(\.externalID) == ids)
    }

    @Test func delimiterIsDetectedFromTheHeader() {
        func detect(_ s: String) -> UInt8 { Array(s.utf8).withUnsafeBufferPointer(CSVScanner.detectDelimiter) }
        #expect(detect("id;score;comment\n") == UInt8(ascii: ";"))
        #expect(detect("id,score,comment\n") == UInt8(ascii: ","))
        #expect(detect("id\tscore\tcomment\n") == UInt8(ascii: "\t"))
        // Commas inside a quoted header name do not count.
        #expect(detect("\"a,b,c\";score;comment\n") == UInt8(ascii: ";"))
    }

    @Test func extraColumnsRejectButTrailingDelimitersDoNot() throws {
        let dir = try TemporaryDirectory()
        let url = try dir.write("extra.csv", "id;score;comment\n1;9;ok;;\n2;9;ok;surprise\n3;9\n")
        let (_, result) = try readAll(url)
        #expect(result.records.map(\.externalID) == ["1", "3"])
        #expect(result.reject(line: 3)?.reason == "row has 4 fields, the header has 3")
    }

    @Test func blankLinesAreSkippedAndCounted() throws {
        let dir = try TemporaryDirectory()
        let url = try dir.write("blank.csv", "id;score;comment\n\n1;9;ok\n;;\n\n2;8;hyvä\n\n")
        let (_, result) = try readAll(url)
        #expect(result.records.map(\.line) == [3, 6])
        #expect(result.rejects.isEmpty)
    }

    @Test func missingIdInAnIdColumnIsRejected() throws {
        let dir = try TemporaryDirectory()
        let url = try dir.write("noid.csv", "id;score;comment\n;9;ok\n")
        let (_, result) = try readAll(url)
        #expect(result.rejects.first == RejectedRow(file: "noid.csv", line: 2, field: "id", reason: "missing id"))
    }

    @Test func duplicateIdsAreAllYieldedForTheStoreToJudge() throws {
        // The reader does not keep ids (memory would grow with the file); IngestService rejects the repeat.
        let (_, result) = try readAll(fixture("duplicate-ids.csv"))
        #expect(result.records.map(\.externalID) == ["D1", "D2", "D1"])
    }

    /// Rows that straddle the 1 MiB read chunks, including quoted multi-line fields, arrive whole and in order.
    @Test func rowsAcrossChunkBoundariesAreReadWhole() throws {
        let dir = try TemporaryDirectory()
        var text = "id;score;comment\n"
        let n = 40_000
        for i in 0..<n {
            if i % 3 == 0 {
                text += "r\(i);\(i % 11);\"Rivi \(i) jatkuu\nseuraavalle riville; \"\"lainaus\"\" ja ääkköset\"\n"
            } else {
                text += "r\(i);\(i % 11);Rivi \(i) on tavallinen, mutta vähän pidempi kommentti\n"
            }
        }
        #expect(text.utf8.count > 2 * ExportReader.chunkSize)
        let url = try dir.write("big.csv", text)
        let (_, result) = try readAll(url)
        #expect(result.rejects.isEmpty)
        #expect(result.records.count == n)
        var line = 2
        for (i, r) in result.records.enumerated() {
            #expect(r.externalID == "r\(i)")
            #expect(r.line == line)
            line += i % 3 == 0 ? 2 : 1
            if r.externalID != "r\(i)" || r.line != line - (i % 3 == 0 ? 2 : 1) { break }
        }
        #expect(result.records[3].text == "Rivi 3 jatkuu\nseuraavalle riville; \"lainaus\" ja ääkköset")
    }

    @Test func anUnclosedQuoteInABigFileCostsOnlyItsRow() throws {
        let dir = try TemporaryDirectory()
        var text = "id;score;comment\n"
        for i in 0..<40_000 { text += i == 5 ? "r5;1;\"alkaa eikä lopu\n" : "r\(i);9;ok ok ok ok ok ok ok ok ok\n" }
        let url = try dir.write("unclosed.csv", text)
        let (_, result) = try readAll(url)
        #expect(result.rejects.map(\.line) == [7])
        #expect(result.records.count == 39_999)
    }
}
