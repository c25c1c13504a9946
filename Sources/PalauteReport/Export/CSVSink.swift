import Foundation
import PalauteIngest

/// CSV for Finnish Excel: UTF-8 with a byte-order mark (so Excel reads ä and ö), `;` between fields (the comma is the
/// decimal separator), CRLF line ends, RFC 4180 quoting, decimal comma, and a formula guard.
struct CSVSink: TableSink {
    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    let file: OutputFile

    init(file: OutputFile) throws {
        self.file = file
        try file.write(bytes: Self.bom)
    }

    mutating func header(_ columns: [String]) throws { try writeLine(columns.map { Self.quote($0) }) }

    /// Bytes straight into one reused line buffer (as `field` would write each cell).
    mutating func row(_ cells: [Cell]) throws {
        line.removeAll(keepingCapacity: true)
        for (i, cell) in cells.enumerated() {
            if i > 0 { line.append(0x3B) }
            switch cell {
            case .int(let v): if let v { JSONLiteral.append(v, to: &line) }
            case .bool(let b): if let b { line.append(b ? 0x31 : 0x30) }
            case .text(let t): Self.appendText(t ?? "", to: &line)
            default: line.append(contentsOf: Self.field(cell).utf8)
            }
        }
        line.append(0x0D)
        line.append(0x0A)
        try file.write(bytes: line)
    }

    mutating func finish() throws { try file.close() }

    private var line: [UInt8] = []

    private func writeLine(_ fields: [String]) throws { try file.write(fields.joined(separator: ";") + "\r\n") }

    /// `quote(guardFormula(s))` as bytes, without building strings for the common text that needs neither.
    static func appendText(_ s: String, to out: inout [UInt8]) {
        var plain = true
        for b in s.utf8 where b == 0x3B || b == 0x22 || b == 0x0A || b == 0x0D {
            plain = false
            break
        }
        if plain, let first = s.utf8.first {
            switch first {
            case 0x3D, 0x2B, 0x2D, 0x40, 0x09: plain = false  // = + - @ tab: guardFormula's cases
            default: break
            }
        }
        if plain {
            out.append(contentsOf: s.utf8)
        } else {
            out.append(contentsOf: quote(guardFormula(s)).utf8)
        }
    }

    /// One cell as a CSV field.
    static func field(_ cell: Cell) -> String {
        switch cell {
        case .text(let s): return quote(guardFormula(s ?? ""))
        case .int(let v): return v.map(String.init) ?? ""
        case .decimal(let v, let digits): return v.map { decimalComma($0, digits: digits) } ?? ""
        case .bool(let b): return b.map { $0 ? "1" : "0" } ?? ""
        case .list(let items): return quote(guardFormula(items.joined(separator: " ")))
        case .date(let d): return d.map { let p = UTCTimestamp.parts($0); return p.date + " " + p.time } ?? ""
        }
    }

    /// `12,5` — fixed decimals with a comma, a plain `-` for negatives (Excel's number parser needs it).
    static func decimalComma(_ v: Double, digits: Int) -> String {
        if let fast = fixedDecimals(v, digits: digits) { return fast }
        var s = String(format: "%.\(digits)f", v)
        if s.hasPrefix("-"), s.allSatisfy({ $0 == "-" || $0 == "0" || $0 == "." }) { s.removeFirst() }  // no "-0,0"
        return s.replacingOccurrences(of: ".", with: ",")
    }

    /// What `String(format: "%.Nf")` with a comma gives, without Foundation's formatter (it was a seventh of an
    /// export's time): the value scaled and rounded half to even, except near a tie, where the scaling's own
    /// rounding could decide, and for large values (nil: the caller formats).
    static func fixedDecimals(_ v: Double, digits: Int) -> String? {
        guard digits >= 0, digits <= 6, v.isFinite, abs(v) < 1e9 else { return nil }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = v * scale
        let fraction = abs(scaled - scaled.rounded(.towardZero))
        guard abs(fraction - 0.5) > 1e-6 else { return nil }
        let r = Int(scaled.rounded(.toNearestOrEven))
        var magnitude = String(abs(r))
        if digits > 0 {
            if magnitude.count <= digits { magnitude = String(repeating: "0", count: digits - magnitude.count + 1) + magnitude }
            magnitude.insert(",", at: magnitude.index(magnitude.endIndex, offsetBy: -digits))
        }
        return r < 0 ? "-" + magnitude : magnitude
    }

    /// A text that Excel would read as a formula (`=`, `+`, `-`, `@`, or a leading tab or CR) gets a leading
    /// apostrophe, so a hostile comment cannot run `=HYPERLINK(…)` on a manager's machine (OWASP CSV injection).
    static func guardFormula(_ s: String) -> String {
        guard let first = s.unicodeScalars.first else { return s }
        switch first {
        case "=", "+", "-", "@", "\t", "\r": return "'" + s
        default: return s
        }
    }

    /// RFC 4180: a field with `;`, `"`, CR or LF is quoted and its quotes doubled.
    static func quote(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
