import Foundation
import PalauteIngest

/// JSON Lines: one object a line, keys the column names, plain numbers (a dot, full precision), UTF-8 without BOM.
struct JSONLinesSink: TableSink {
    let file: OutputFile
    /// `"column":` of each column, as bytes.
    private var keys: [[UInt8]] = []
    private var line: [UInt8] = []

    init(file: OutputFile) { self.file = file }

    mutating func header(_ columns: [String]) throws { keys = columns.map { Array((Self.string($0) + ":").utf8) } }

    /// Bytes straight into one reused line buffer: building each line as strings was most of an export's time.
    mutating func row(_ cells: [Cell]) throws {
        line.removeAll(keepingCapacity: true)
        line.append(0x7B)
        for (i, cell) in cells.enumerated() {
            if i > 0 { line.append(0x2C) }
            line.append(contentsOf: keys[i])
            Self.append(cell, to: &line)
        }
        line.append(0x7D)
        line.append(0x0A)
        try file.write(bytes: line)
    }

    static let null: [UInt8] = Array("null".utf8)

    /// `value(cell)` appended as bytes.
    static func append(_ cell: Cell, to out: inout [UInt8]) {
        switch cell {
        case .text(let s):
            if let s { JSONLiteral.append(s, to: &out) } else { out.append(contentsOf: null) }
        case .int(let v):
            if let v { JSONLiteral.append(v, to: &out) } else { out.append(contentsOf: null) }
        case .list(let items):
            out.append(0x5B)
            for (k, item) in items.enumerated() {
                if k > 0 { out.append(0x2C) }
                JSONLiteral.append(item, to: &out)
            }
            out.append(0x5D)
        case .bool, .decimal, .date:
            out.append(contentsOf: value(cell).utf8)
        }
    }

    mutating func finish() throws { try file.close() }

    static func value(_ cell: Cell) -> String {
        switch cell {
        case .text(let s): return s.map(string) ?? "null"
        case .int(let v): return v.map(String.init) ?? "null"
        case .decimal(let v, _):
            guard let v, v.isFinite else { return "null" }
            return v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : "\(v)"
        case .bool(let b): return b.map { $0 ? "true" : "false" } ?? "null"
        case .list(let items): return "[" + items.map(string).joined(separator: ",") + "]"
        case .date(let d): return d.map { let p = UTCTimestamp.parts($0); return "\"\(p.date)T\(p.time)Z\"" } ?? "null"
        }
    }

    /// A JSON string literal; control characters and U+2028/2029 escaped.
    static func string(_ s: String) -> String { JSONLiteral.string(s) }
}
