import Foundation
import PalauteIngest
import PalauteText

/// Why an input file could not be read.
public struct ResponseFileError: Error, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var reason: String
    public var description: String { "\(file):\(line): \(reason)" }

    public init(file: String, line: Int, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }
}

/// One input response: the object as read (so every field passes through) plus its text and score.
public struct ResponseRow: @unchecked Sendable {
    /// The input's fields in input order; values are JSON-compatible (`String`, `NSNumber`, `NSNull`, arrays, objects).
    public var fields: [(key: String, value: Any)]
    public var text: String
    public var score: Int?
    public var line: Int

    public func field(_ key: String) -> Any? { fields.first { $0.key == key }?.value }
}

/// Reads JSONL and CSV response files without a database, and writes classified JSON lines in the gold format.
public enum ResponseFile {
    /// The label fields `classify` writes; an input's own copies are replaced.
    public static let labelKeys: Set<String> = [
        "lang", "sentiment", "topics", "flags", "follow_up", "nps", "confidence", "mismatch", "evidence", "lexicon_version",
    ]

    public static func read(_ path: String) throws -> [ResponseRow] {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ResponseFileError(file: path, line: 0, reason: "cannot read the file as UTF-8")
        }
        let trimmed = text.drop { $0 == "\u{FEFF}" || $0.isWhitespace }
        if path.lowercased().hasSuffix(".csv") || !(trimmed.first == "{") {
            return try readCSV(String(text), file: path)
        }
        return try readJSONL(String(text), file: path)
    }

    public static func readJSONL(_ text: String, file: String) throws -> [ResponseRow] {
        // Split at LF bytes (a CRLF line keeps its CR, which `trimmed` removes): scanning Characters would run
        // grapheme breaking over the whole file.
        var lines: [Substring] = []
        var start = text.utf8.startIndex
        for i in text.utf8.indices where text.utf8[i] == UInt8(ascii: "\n") {
            lines.append(text[start..<i])
            start = text.utf8.index(after: i)
        }
        lines.append(text[start...])
        // Lines are parsed on all cores; the first bad line (in file order) is the one reported.
        let parsed: [ResponseRow??] = ParallelMap.map(lines.count) { i in
            let s = trimmed(lines[i])
            if s.isEmpty { return .some(nil) }
            guard let obj = try? JSONSerialization.jsonObject(with: Data(s.utf8)) as? [String: Any] else { return nil }
            let order = keyOrder(String(s))
            let fields = obj.sorted { (order[$0.key] ?? Int.max, $0.key) < (order[$1.key] ?? Int.max, $1.key) }
                .map { (key: $0.key, value: $0.value) }
            return ResponseRow(fields: fields, text: obj["text"] as? String ?? "", score: scoreValue(obj["score"]), line: i + 1)
        }
        var rows: [ResponseRow] = []
        rows.reserveCapacity(parsed.count)
        for (i, p) in parsed.enumerated() {
            guard let p else { throw ResponseFileError(file: file, line: i + 1, reason: "not a JSON object") }
            if let row = p { rows.append(row) }
        }
        return rows
    }

    /// The line without surrounding white space (a CR of a CRLF file included).
    static func trimmed(_ line: Substring) -> Substring {
        var s = line
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return s
    }

    /// The order top-level keys appear in, read from the raw line (JSONSerialization forgets it). Scans UTF-8
    /// bytes: every JSON delimiter is ASCII, and a key's bytes (escapes as written) are compared as JSON spells them.
    static func keyOrder(_ s: String) -> [String: Int] {
        var order: [String: Int] = [:]
        var depth = 0
        var inString = false
        var escape = false
        var current: [UInt8] = []
        var lastString: [UInt8]?
        for b in s.utf8 {
            if inString {
                if escape { escape = false; current.append(b); continue }
                if b == UInt8(ascii: "\\") { escape = true; current.append(b); continue }
                if b == UInt8(ascii: "\"") { inString = false; lastString = current; continue }
                current.append(b)
                continue
            }
            switch b {
            case UInt8(ascii: "\""): inString = true; current.removeAll(keepingCapacity: true)
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1; lastString = nil
            case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1; lastString = nil
            case UInt8(ascii: ":"):
                if depth == 1, let k = lastString {
                    let key = String(decoding: k, as: UTF8.self)
                    if order[key] == nil { order[key] = order.count }
                }
                lastString = nil
            case UInt8(ascii: ","): lastString = nil
            default: break
            }
        }
        return order
    }

    static func scoreValue(_ v: Any?) -> Int? {
        // NSNumber bridges 0 and 1 to Bool on Linux, so a JSON score is read as a number whatever its bridging.
        if let n = v as? NSNumber { return n.intValue }
        if let s = v as? String { return Int(s.trimmingCharacters(in: .whitespaces)) }
        return nil
    }

    /// RFC 4180 CSV with a header row; `;` is accepted as the separator when the header uses it.
    public static func readCSV(_ text: String, file: String) throws -> [ResponseRow] {
        var records: [[String]] = []
        var lines: [Int] = []
        var field = ""
        var record: [String] = []
        var quoted = false
        var line = 1
        var recordLine = 1
        let headerEnd = text.firstIndex(of: "\n") ?? text.endIndex
        let header = text[..<headerEnd]
        let sep: Character = header.filter { $0 == ";" }.count > header.filter { $0 == "," }.count ? ";" : ","
        var chars = text.makeIterator()
        var pending: Character? = nil
        while let c = pending ?? chars.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let n = chars.next() {
                        if n == "\"" { field.append("\"") } else { quoted = false; pending = n }
                    } else { quoted = false }
                } else {
                    if c == "\n" { line += 1 }
                    field.append(c)
                }
                continue
            }
            switch c {
            case "\"": quoted = true
            case sep: record.append(field); field = ""
            case "\r\n", "\n":
                record.append(field); field = ""
                if !(record.count == 1 && record[0].isEmpty) { records.append(record); lines.append(recordLine) }
                record = []
                line += 1
                recordLine = line
            case "\r": break
            default: field.append(c)
            }
        }
        if quoted { throw ResponseFileError(file: file, line: recordLine, reason: "unterminated quoted field") }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record); lines.append(recordLine) }
        guard let head = records.first else { return [] }
        let keys = head.map { $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\u{FEFF}", with: "") }
        guard keys.contains("text") else { throw ResponseFileError(file: file, line: 1, reason: "no 'text' column in the header") }
        var rows: [ResponseRow] = []
        for (r, rec) in records.enumerated().dropFirst() {
            guard rec.count == keys.count else {
                throw ResponseFileError(file: file, line: lines[r], reason: "expected \(keys.count) fields, found \(rec.count)")
            }
            var fields: [(key: String, value: Any)] = []
            for (k, v) in zip(keys, rec) {
                if k == "score" { fields.append((k, scoreValue(v).map { NSNumber(value: $0) as Any } ?? NSNull())) } else { fields.append((k, v)) }
            }
            let text = rec[keys.firstIndex(of: "text")!]
            let score = keys.firstIndex(of: "score").flatMap { scoreValue(rec[$0]) }
            rows.append(ResponseRow(fields: fields, text: text, score: score, line: lines[r]))
        }
        return rows
    }

    /// Every output line, formatted on all cores, each ended by a newline.
    public static func jsonLines(_ rows: [ResponseRow], _ results: [Classification]) -> String {
        let lines = ParallelMap.map(min(rows.count, results.count)) { jsonLine(rows[$0], results[$0]) }
        var out = ""
        out.reserveCapacity(lines.reduce(0) { $0 + $1.utf8.count + 1 })
        for l in lines {
            out += l
            out += "\n"
        }
        return out
    }

    /// One output line: the input's fields, then the labels in the gold format and the extra fields.
    public static func jsonLine(_ row: ResponseRow, _ c: Classification) -> String {
        var parts: [String] = []
        for (k, v) in row.fields where !labelKeys.contains(k) {
            parts.append("\(quote(k)):\(json(v))")
        }
        parts.append("\"lang\":\(quote(c.lang.rawValue))")
        parts.append("\"sentiment\":\(quote(c.sentiment.rawValue))")
        parts.append("\"topics\":[" + c.topics.map { "{\"topic\":\(quote($0.topic.rawValue)),\"label\":\(quote($0.label.rawValue))}" }.joined(separator: ",") + "]")
        parts.append("\"flags\":[" + c.flags.map { quote($0.rawValue) }.joined(separator: ",") + "]")
        parts.append("\"follow_up\":\(c.followUp)")
        parts.append("\"nps\":" + (c.nps.map { quote($0.rawValue) } ?? "null"))
        parts.append("\"confidence\":\(c.confidence)")
        parts.append("\"mismatch\":\(c.mismatch)")
        parts.append("\"evidence\":[" + c.evidence.map { e in
            "{\"target\":\(quote(e.target)),\"start\":\(e.start),\"end\":\(e.end),\"text\":\(quote(e.text)),\"rule\":\(quote(e.rule))"
                + (e.source.map { ",\"source\":\(quote($0))" } ?? "") + "}"
        }.joined(separator: ",") + "]")
        parts.append("\"lexicon_version\":\(quote(c.lexiconVersion))")
        if !c.provenance.isEmpty {
            // Only labels an LLM gave are listed; every other label is the lexicon's.
            parts.append("\"provenance\":{" + c.provenance.sorted { $0.key < $1.key }.map { key, p in
                var fields = ["\"source\":\(quote(p.source.rawValue))"]
                if let m = p.model { fields.append("\"model\":\(quote(m))") }
                if let v = p.promptVersion { fields.append("\"prompt_version\":\(quote(v))") }
                if let k = p.cacheKey { fields.append("\"cache_key\":\(quote(k))") }
                return "\(quote(key)):{" + fields.joined(separator: ",") + "}"
            }.joined(separator: ",") + "}")
        }
        return "{" + parts.joined(separator: ",") + "}"
    }

    static func json(_ v: Any) -> String {
        if v is NSNull { return "null" }
        if let s = v as? String { return quote(s) }
        // Whole numbers (a score, an id) as JSONSerialization writes them, without a round trip through Data.
        if let n = v as? NSNumber, !(v is Bool), let t = String(validatingCString: n.objCType), t == "q" || t == "i" || t == "l" || t == "s" {
            return String(n.int64Value)
        }
        if let data = try? JSONSerialization.data(withJSONObject: v, options: [.fragmentsAllowed, .withoutEscapingSlashes]),
           let s = String(data: data, encoding: .utf8) { return s }
        return "null"
    }

    static func quote(_ s: String) -> String { JSONLiteral.string(s) }
}
