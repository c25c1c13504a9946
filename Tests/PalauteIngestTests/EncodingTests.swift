import Foundation
import Testing
@testable import PalauteIngest

@Suite struct EncodingTests {
    @Test func latin1FileIsDecodedAsWindows1252() throws {
        let (reader, result) = try readAll(fixture("latin1.csv"))
        #expect(reader.encoding == .windows1252)
        #expect(reader.format == .csv(delimiter: UInt8(ascii: ";")))
        #expect(result.rejects.isEmpty)
        #expect(result.records.count == 3)
        #expect(result.record("L1")?.text == "Hoitaja oli ystävällinen ja hoito sujui hyvin.")
        #expect(result.record("L2")?.text == "Jonotin yli tunnin, ei käy. Maksoin 20 €.")
        #expect(result.record("L2")?.unit == "Åbyn hyvinvointiasema")
        #expect(result.record("L3")?.text == "Bra service på svenska, tack!")
        // Finnish header names with ä/ö are recognised in Windows-1252 too.
        #expect(result.record("L2")?.visitedOn == "2026-02-04")
    }

    @Test func utf8WithBOMKeepsTheFirstHeaderName() throws {
        let (reader, result) = try readAll(fixture("semicolon-bom.csv"))
        #expect(reader.encoding == .utf8BOM)
        #expect(reader.columns[.id] == "id")
        #expect(result.records.map(\.externalID) == ["B1", "B2"])
        #expect(result.record("B1")?.text == "Lääkäri kuunteli ja selitti hyvin.")
        #expect(result.record("B2")?.score == nil)
    }

    @Test func plainUTF8IsUTF8() throws {
        let (reader, result) = try readAll(fixture("comma-english.csv"))
        #expect(reader.encoding == .utf8)
        #expect(result.records.count == 3)
    }

    @Test func windows1252TableCoversTheHighRange() {
        let bytes: [UInt8] = [0x80, 0x8A, 0x9A, 0xC4, 0xD6, 0xC5, 0xE4, 0xF6, 0xE5]
        let s = bytes.withUnsafeBufferPointer(TextDecoding.windows1252)
        #expect(s == "€ŠšÄÖÅäöå")
    }

    @Test func invalidUTF8FieldInAUTF8FileFallsBackToWindows1252() throws {
        let dir = try TemporaryDirectory()
        // The first chunk sniffs as UTF-8; one field later is Latin-1.
        var bytes = Array("id;score;comment\n1;9;Hyvä\n".utf8)
        bytes += Array("2;8;Hyv".utf8) + [0xE4] + Array("\n".utf8)
        let url = try dir.write("mixed.csv", bytes)
        let (_, result) = try readAll(url)
        #expect(result.record("1")?.text == "Hyvä")
        #expect(result.record("2")?.text == "Hyvä")
    }

    @Test func decomposedLettersAreComposed() throws {
        let dir = try TemporaryDirectory()
        let url = try dir.write("nfd.csv", "id;comment\n1;Ha\u{0308}meenlinna\n")
        let (_, result) = try readAll(url)
        #expect(Array(result.record("1")!.text.unicodeScalars) == Array("Hämeenlinna".unicodeScalars))
    }

    @Test func utf16IsAFileLevelError() throws {
        let dir = try TemporaryDirectory()
        let url = try dir.write("u16.csv", [0xFF, 0xFE, 0x69, 0x00, 0x64, 0x00])
        #expect(throws: ExportError(file: "u16.csv", problem: .unsupportedEncoding("UTF-16"))) {
            try ExportReader(url: url, name: "u16.csv")
        }
    }
}
