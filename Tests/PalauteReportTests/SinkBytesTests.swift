import Foundation
import PalauteIngest
import Testing
@testable import PalauteReport

/// The byte writers of the export sinks write exactly what the string formatters define (`JSONLinesSink.value`,
/// `CSVSink.field`): they exist only for speed.
@Suite struct SinkBytesTests {
    static let cells: [Cell] = [
        .text("Hyvä palvelu"), .text(nil), .text(""), .text("Sanoi \"hei\"; sitten\nlähti"), .text("=HYPERLINK(\"x\")"),
        .text("-5 pistettä"), .text("@käyttäjä"), .text("\tsarkain"), .text("rivi\r"), .text("a\u{2028}b"), .text("\\polku"),
        .int(0), .int(7), .int(-42), .int(Int.max), .int(Int.min), .int(nil),
        .bool(true), .bool(false), .bool(nil), .decimal(12.345, digits: 1), .decimal(nil, digits: 2),
        .list(["waiting:criticism", "access:praise"]), .list([]), .list(["a;b", "\"q\""]),
        .date(Date(timeIntervalSince1970: 1_790_000_000)), .date(nil),
    ]

    @Test func jsonBytesAreTheJSONValues() {
        for cell in Self.cells {
            var out: [UInt8] = []
            JSONLinesSink.append(cell, to: &out)
            #expect(String(decoding: out, as: UTF8.self) == JSONLinesSink.value(cell), "\(cell)")
        }
    }

    @Test func integersAsDigits() {
        for v in [0, 1, -1, 9, 10, -10, 123_456_789, Int.max, Int.min] {
            var out: [UInt8] = []
            JSONLiteral.append(v, to: &out)
            #expect(String(decoding: out, as: UTF8.self) == String(v))
        }
    }

    @Test func csvRowIsTheJoinedFields() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sink-bytes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("t.csv")
        var sink = try CSVSink(file: try OutputFile(url: url))
        try sink.row(Self.cells)
        try sink.finish()
        let written = try Data(contentsOf: url).dropFirst(CSVSink.bom.count)
        let expected = Self.cells.map(CSVSink.field).joined(separator: ";") + "\r\n"
        #expect(String(decoding: written, as: UTF8.self) == expected)
    }
}
