import Foundation
import PalauteIngest

/// JSON Lines: one object a line, keys the column names, plain numbers (a dot, full precision), UTF-8 without BOM.
struct JSONLinesSink: TableSink {
    let file: OutputFile
    private var columns: [String] = []

    init(file: OutputFile) { self.file = file }

    mutating func header(_ columns: [String]) throws { self.columns = columns.map(Self.string) }

    mutating func row(_ cells: [Cell]) throws {
        var line = "{"
        for (i, cell) in cells.enumerated() {
            if i > 0 { line += "," }
            line += columns[i] + ":" + Self.value(cell)
        }
        try file.write(line + "}\n")
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
