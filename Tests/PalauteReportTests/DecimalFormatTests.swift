import Foundation
import Testing
@testable import PalauteReport

@Suite struct DecimalFormatTests {
    /// The fast formatter writes what `String(format:)` writes (with a comma), for values on and between the
    /// grid, negatives, ties, and values that round to zero; near a tie or out of range it leaves the call to
    /// Foundation.
    @Test func fastPathAgreesWithPrintf() {
        var values: [Double] = [0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.25, 0.35, 1.005, 12.345, -0.04, -0.05, 99.95, 0.125, 1e8, -7.0, 0.1 + 0.2]
        var g = SystemRandomNumberGenerator()
        for _ in 0..<3000 { values.append(Double.random(in: -1000...1000, using: &g)) }
        for _ in 0..<1000 { values.append(Double(Int.random(in: -10000...10000, using: &g)) / 100) }
        for v in values {
            for digits in 0...3 {
                let printf = String(format: "%.\(digits)f", v)
                guard let fast = CSVSink.fixedDecimals(v, digits: digits) else { continue }
                var expected = printf
                if expected.hasPrefix("-"), expected.allSatisfy({ $0 == "-" || $0 == "0" || $0 == "." }) { expected.removeFirst() }
                #expect(fast == expected.replacingOccurrences(of: ".", with: ","), "\(v) \(digits)")
            }
        }
        #expect(CSVSink.fixedDecimals(2.5, digits: 0) == nil)  // a tie: Foundation decides
        #expect(CSVSink.fixedDecimals(1e12, digits: 1) == nil)
        #expect(CSVSink.decimalComma(-0.04, digits: 1) == "0,0")
        #expect(CSVSink.decimalComma(12.345, digits: 1) == "12,3")
        #expect(CSVSink.decimalComma(2.5, digits: 0) == "2")
    }
}

@Suite struct TableOutputTests {
    /// Rows handed to the writer threads in batches come out complete and in order in both formats.
    @Test func batchesKeepEveryRowInOrder() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("palaute-table-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var summary = ExportSummary()
        let table = try TableOutput(dir, "t", [.csv, .jsonl], into: &summary)
        try table.header(["n", "text"])
        let count = TableOutput.batchSize * 3 + 17
        for n in 0..<count { try table.row([.int(n), .text("rivi; \(n)")]) }
        try table.finish()
        #expect(summary.files.count == 2)
        let csv = try String(contentsOf: dir.appendingPathComponent("t.csv"), encoding: .utf8)
            .split(separator: "\r\n").dropFirst()
        let jsonl = try String(contentsOf: dir.appendingPathComponent("t.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(csv.count == count && jsonl.count == count)
        for n in [0, 1, TableOutput.batchSize, count - 1] {
            #expect(csv[csv.startIndex + n] == "\(n);\"rivi; \(n)\"")
            #expect(jsonl[n].contains("\"rivi; \(n)\""))
            #expect(jsonl[n].hasPrefix("{\"n\":\(n),"))
        }
    }
}
