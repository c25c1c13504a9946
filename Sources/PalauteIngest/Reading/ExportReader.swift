#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Reads a survey export (CSV or JSON Lines) row by row, without a database.
///
/// Memory stays flat whatever the file size: the file is read in 1 MiB chunks and only the current row is kept.
/// The reader detects what a Finnish survey export can be — UTF-8 with or without BOM or Windows-1252,
/// `;`, `,` or tab delimited, quoted fields with newlines — maps the header to `SurveyRecord` fields, validates
/// scores and dates, and yields each row with the 1-based line where it starts.
///
/// ```swift
/// let reader = try ExportReader(url: url)
/// while let row = try reader.next() {
///     switch row {
///     case .record(let r): …
///     case .rejected(let why): print(why)   // file:line: field 'score': …
///     }
/// }
/// ```
///
/// File-level problems (missing, binary, empty, no usable columns) throw `ExportError` from `init`;
/// a bad row never throws, it is yielded as `.rejected`.
///
/// Ids: the `id` column gives the external id. An export without one gets a derived id,
/// `row-<16 hex of SHA-256 of the row's content>` plus `-2`, `-3`… for repeats of identical content in the file,
/// so the same export ingested again (even re-sorted) maps to the same responses. Without an id column a changed
/// row cannot be told from a new one.
public final class ExportReader {
    /// The file as named to the reader, used in rejects (`file:line`).
    public let file: String
    public private(set) var format: ExportFormat
    public private(set) var encoding: TextEncoding
    /// The header name each field was read from (for JSON Lines, the key).
    public private(set) var columns: [HeaderMapping.Field: String] = [:]
    /// Whether external ids are derived from row content because the export has no id column.
    public private(set) var derivesIDs = false

    /// Longest row accepted: past this a quoted field is taken to be an unterminated quote.
    static let maxRowBytes = 1 << 20
    static let chunkSize = 1 << 20

    private let mapping: HeaderMapping
    private let fd: Int32
    private var buf: [UInt8]
    private var pos = 0
    private var end = 0
    private var eof = false
    /// The line number at `pos`.
    private var line = 1
    private var scanner: CSVScanner
    private var fieldIndex: [HeaderMapping.Field: Int] = [:]
    private var headerCount = 0
    private var resyncPending = false
    private var derivedCounts: [UInt64: Int32] = [:]
    private var jsonKeys: [String: HeaderMapping.Field?] = [:]
    private let jsonDecoder = JSONDecoder()

    /// Opens `url` and reads its header. `name` is how the file is named in rejects; default the path as given.
    public init(url: URL, mapping: HeaderMapping = .default, name: String? = nil) throws(ExportError) {
        let file = name ?? url.relativePath
        self.file = file
        self.mapping = mapping
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), isDir.boolValue {
            throw ExportError(file: file, problem: .isDirectory)
        }
        let fd = open(url.path, O_RDONLY)
        guard fd >= 0 else { throw ExportError(file: file, problem: .cannotOpen(String(cString: strerror(errno)))) }
        self.fd = fd
        buf = [UInt8](repeating: 0, count: Self.chunkSize * 2)
        scanner = CSVScanner(delimiter: UInt8(ascii: ","))
        format = .jsonLines
        encoding = .utf8
        do {
            try fill()
            // Sniff the first chunk.
            let (enc, bomLength, fmt) = try buf.withUnsafeBufferPointer { whole throws(ExportError) in
                try Self.sniff(UnsafeBufferPointer(rebasing: whole[0..<end]), eof: eof, url: url, file: file)
            }
            encoding = enc
            format = fmt
            pos = bomLength
            if case .csv(let d) = fmt {
                scanner = CSVScanner(delimiter: d)
                try readHeader()
            } else {
                for field in HeaderMapping.Field.allCases { if let key = mapping.explicit[field] { columns[field] = key } }
                derivesIDs = false
            }
        } catch {
            close(fd)
            throw error
        }
    }

    deinit { close(fd) }

    /// The next row, or nil at the end of the file. Throws only when the file cannot be read any more.
    public func next() throws(ExportError) -> IngestRow? {
        switch format {
        case .csv: try nextCSV()
        case .jsonLines: try nextJSONLine()
        }
    }

    /// Calls `body` for every row.
    public func forEach(_ body: (IngestRow) throws -> Void) throws {
        while let row = try next() { try body(row) }
    }

    // MARK: - Buffer

    /// Moves the unread bytes to the front and reads more. Returns false at the end of the file.
    @discardableResult
    private func fill() throws(ExportError) -> Bool {
        if eof { return false }
        if pos > 0 {
            let count = end - pos
            if count > 0 {
                buf.withUnsafeMutableBufferPointer { b in
                    _ = memmove(b.baseAddress!, b.baseAddress! + pos, count)
                }
            }
            end = count
            pos = 0
        }
        if buf.count - end < Self.chunkSize { buf.append(contentsOf: repeatElement(0, count: Self.chunkSize)) }
        let want = buf.count - end
        let got = buf.withUnsafeMutableBufferPointer { b in read(fd, b.baseAddress! + end, want) }
        if got < 0 { throw ExportError(file: file, problem: .readFailed(String(cString: strerror(errno)))) }
        if got == 0 { eof = true; return false }
        end += got
        return true
    }

    private static func sniff(
        _ b: UnsafeBufferPointer<UInt8>, eof: Bool, url: URL, file: String
    ) throws(ExportError) -> (TextEncoding, Int, ExportFormat) {
        if b.count >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF)) {
            throw ExportError(file: file, problem: .unsupportedEncoding("UTF-16"))
        }
        var bom = 0
        if b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF { bom = 3 }
        let body = UnsafeBufferPointer(rebasing: b[bom...])
        var control = 0
        var firstNonSpace: UInt8? = nil
        for c in body {
            if c == 0 { throw ExportError(file: file, problem: .binary) }
            if c < 0x20 && c != 0x09 && c != 0x0A && c != 0x0D && c != 0x0C { control += 1 }
            if firstNonSpace == nil && c != 0x20 && c != 0x09 && c != 0x0A && c != 0x0D { firstNonSpace = c }
        }
        if control > 8 && control * 100 > body.count { throw ExportError(file: file, problem: .binary) }
        guard let first = firstNonSpace else { throw ExportError(file: file, problem: .empty) }
        let enc: TextEncoding = bom == 3 ? .utf8BOM : (TextDecoding.isValidUTF8Prefix(body) ? .utf8 : .windows1252)
        let ext = url.pathExtension.lowercased()
        if first == UInt8(ascii: "[") && ext != "csv" && ext != "tsv" && ext != "txt" {
            throw ExportError(file: file, problem: .jsonArray)
        }
        if ext == "jsonl" || ext == "ndjson" || (first == UInt8(ascii: "{") && ext != "csv" && ext != "tsv") {
            return (enc, bom, .jsonLines)
        }
        let delimiter = ext == "tsv" ? UInt8(ascii: "\t") : CSVScanner.detectDelimiter(body)
        return (enc, bom, .csv(delimiter: delimiter))
    }

    // MARK: - CSV

    /// Scans the next record into `scanner`, handling refills and resynchronisation. Returns the line the record
    /// starts on and how many line breaks it spans, or a malformed reason, or nil at the end.
    private enum Scanned { case record(line: Int, newlines: Int, start: Int), malformed(line: Int, reason: String) }

    private func scanNext() throws(ExportError) -> Scanned? {
        while true {
            if resyncPending {
                // Skip to the line after the broken record's first line.
                var found = false
                while !found {
                    let nl: Int? = buf.withUnsafeBufferPointer { b in
                        var i = pos
                        while i < end { if b[i] == CSVScanner.lf { return i }; i += 1 }
                        return nil
                    }
                    if let nl { pos = nl + 1; line += 1; found = true }
                    else if eof { pos = end; found = true }
                    else { try fill() }
                }
                resyncPending = false
            }
            let limit = min(end, pos + Self.maxRowBytes)
            let truncated = limit < end
            let from = pos
            let outcome = buf.withUnsafeBufferPointer { b in
                scanner.scan(UnsafeBufferPointer(rebasing: b[0..<limit]), from: from, eof: eof && !truncated)
            }
            switch outcome {
            case .record(let next, let newlines):
                let start = pos
                let startLine = line
                pos = next
                line += newlines
                return .record(line: startLine, newlines: newlines, start: start)
            case .endOfInput:
                return nil
            case .needMore:
                if truncated || (end - pos >= Self.maxRowBytes) {
                    let l = line
                    resyncPending = true
                    return .malformed(line: l, reason: "row is longer than \(Self.maxRowBytes / 1024) KiB (an unclosed quote?)")
                }
                if !(try fill()) && eof { continue }
            case .malformed(let reason):
                let l = line
                resyncPending = true
                return .malformed(line: l, reason: reason)
            }
        }
    }

    private func fieldString(_ k: Int, _ b: UnsafeBufferPointer<UInt8>) -> String {
        let s = scanner.starts[k], e = scanner.ends[k]
        if e <= s { return "" }
        let raw = UnsafeBufferPointer(rebasing: b[s..<e])
        if !scanner.escaped[k] { return TextDecoding.decode(raw) }
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(raw.count)
        var i = 0
        while i < raw.count {
            unescaped.append(raw[i])
            if raw[i] == CSVScanner.quote && i + 1 < raw.count && raw[i + 1] == CSVScanner.quote { i += 2 } else { i += 1 }
        }
        return unescaped.withUnsafeBufferPointer { TextDecoding.decode($0) }
    }

    private func readHeader() throws(ExportError) {
        var header: [String] = []
        while true {
            guard let scanned = try scanNext() else { throw ExportError(file: file, problem: .empty) }
            guard case .record(_, _, let start) = scanned else {
                throw ExportError(file: file, problem: .noUsableColumns(columnCount: 0))
            }
            if scanner.isBlank() { continue }
            _ = start
            header = buf.withUnsafeBufferPointer { b in (0..<scanner.fieldCount).map { fieldString($0, b).trimmingSpaces } }
            break
        }
        headerCount = header.count
        do {
            fieldIndex = try mapping.resolve(header: header)
        } catch {
            throw ExportError(file: file, problem: .mapping(error))
        }
        guard fieldIndex[.text] != nil || fieldIndex[.score] != nil else {
            throw ExportError(file: file, problem: .noUsableColumns(columnCount: header.count))
        }
        for (f, i) in fieldIndex { columns[f] = header[i] }
        derivesIDs = fieldIndex[.id] == nil
    }

    private func nextCSV() throws(ExportError) -> IngestRow? {
        while true {
            guard let scanned = try scanNext() else { return nil }
            switch scanned {
            case .malformed(let l, let reason):
                return .rejected(RejectedRow(file: file, line: l, field: nil, reason: reason))
            case .record(let l, let newlines, let start):
                if scanner.isBlank() { continue }
                let count = scanner.fieldCount
                if count > headerCount {
                    var extraNonEmpty = false
                    for k in headerCount..<count where scanner.ends[k] > scanner.starts[k] { extraNonEmpty = true; break }
                    if extraNonEmpty {
                        if newlines > 1 {
                            // A record that swallowed several lines and does not fit: read those lines again as rows.
                            pos = start
                            line = l
                            resyncPending = true
                        }
                        return .rejected(RejectedRow(
                            file: file, line: l, field: nil, reason: "row has \(count) fields, the header has \(headerCount)"))
                    }
                }
                return buf.withUnsafeBufferPointer { b in makeRow(line: l) { k in k < count ? fieldString(k, b) : "" } }
            }
        }
    }

    /// Validates the mapped fields of one row. `value(k)` gives column k as text.
    private func makeRow(line l: Int, value: (Int) -> String) -> IngestRow {
        func get(_ f: HeaderMapping.Field) -> String? { fieldIndex[f].map(value) }
        return build(
            line: l, id: get(.id), scoreText: get(.score), dateText: get(.date), text: get(.text),
            unit: get(.unit), channel: get(.channel), service: get(.service))
    }

    private func build(
        line l: Int, id rawID: String?, scoreText: String?, score givenScore: Int?? = nil, dateText: String?,
        text rawText: String?, unit: String?, channel: String?, service: String?
    ) -> IngestRow {
        func reject(_ field: String?, _ reason: String) -> IngestRow {
            .rejected(RejectedRow(file: file, line: l, field: field, reason: reason))
        }
        var score: Int?
        if let givenScore {
            score = givenScore
        } else {
            do { score = try FieldValidation.score(scoreText ?? "") } catch { return reject("score", error.reason) }
        }
        let visitedOn: String?
        do { visitedOn = try FieldValidation.date(dateText ?? "") } catch { return reject("date", error.reason) }
        let text = Self.cleanText(rawText ?? "")
        func opt(_ s: String?) -> String? {
            guard let s else { return nil }
            let t = s.trimmingSpaces
            return t.isEmpty ? nil : t
        }
        var record = SurveyRecord(
            externalID: "", channel: opt(channel), unit: opt(unit), service: opt(service), visitedOn: visitedOn,
            score: score, text: text, line: l)
        if derivesIDs {
            let hash = record.contentHash
            let key = UInt64(hash.prefix(16), radix: 16) ?? 0
            let n = (derivedCounts[key] ?? 0) + 1
            derivedCounts[key] = n
            record.externalID = "row-" + hash.prefix(16) + (n > 1 ? "-\(n)" : "")
        } else {
            let id = (rawID ?? "").trimmingSpaces
            if id.isEmpty { return reject("id", "missing id") }
            record.externalID = id
        }
        return .record(record)
    }

    /// Trims the comment, makes line ends `\n` and composes decomposed letters (a + ¨ → ä) so hashes and
    /// the analyser see one form.
    static func cleanText(_ raw: String) -> String {
        var s = raw
        var needsCR = false, needsNFC = false, needsTrim = false
        for b in s.utf8 {
            if b == 0x0D { needsCR = true } else if b == 0xCC || b == 0xCD { needsNFC = true }
        }
        if let f = s.utf8.first, f == 0x20 || f == 0x09 || f == 0x0A || f == 0x0D || f == 0xC2 { needsTrim = true }
        if let l = s.utf8.last, l == 0x20 || l == 0x09 || l == 0x0A || l == 0x0D || l == 0xA0 { needsTrim = true }
        if needsCR { s = s.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") }
        if needsNFC { s = s.precomposedStringWithCanonicalMapping }
        if needsTrim { s = s.trimmingSpaces }
        return s
    }

    // MARK: - JSON Lines

    private enum JSONScalar: Decodable {
        case string(String), int(Int), double(Double), bool(Bool), null, other

        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() { self = .null; return }
            if let s = try? c.decode(String.self) { self = .string(s); return }
            if let b = try? c.decode(Bool.self) { self = .bool(b); return }
            if let i = try? c.decode(Int.self) { self = .int(i); return }
            if let d = try? c.decode(Double.self) { self = .double(d); return }
            self = .other
        }
    }

    private func field(forKey key: String) -> HeaderMapping.Field? {
        if let cached = jsonKeys[key] { return cached }
        var found: HeaderMapping.Field? = nil
        let n = HeaderMapping.Field.normalise(key)
        for (f, column) in mapping.explicit where HeaderMapping.Field.normalise(column) == n { found = f }
        if found == nil {
            for f in HeaderMapping.Field.allCases where mapping.explicit[f] == nil {
                if f.defaultNames.contains(n) || (f == .date && n == "visited on") { found = f; break }
            }
        }
        jsonKeys[key] = found
        if let found, columns[found] == nil { columns[found] = key }
        return found
    }

    private func nextJSONLine() throws(ExportError) -> IngestRow? {
        while true {
            // Find the end of the line.
            var nl: Int? = nil
            while nl == nil {
                nl = buf.withUnsafeBufferPointer { b in
                    var i = pos
                    while i < end { if b[i] == CSVScanner.lf { return i }; i += 1 }
                    return nil
                }
                if nl == nil {
                    if end - pos >= Self.maxRowBytes {
                        let l = line
                        resyncPending = true
                        pos = end
                        return .rejected(RejectedRow(file: file, line: l, field: nil, reason: "line is longer than 1 MiB"))
                    }
                    if eof { break }
                    try fill()
                }
            }
            if resyncPending {
                // The rest of an over-long line.
                resyncPending = false
                if let n = nl { pos = n + 1; line += 1; continue }
                return nil
            }
            let lineEnd = nl ?? end
            if pos >= end && eof { return nil }
            let l = line
            let start = pos
            pos = nl.map { $0 + 1 } ?? end
            line += 1
            var bytes = buf.withUnsafeBufferPointer { Array(UnsafeBufferPointer(rebasing: $0[start..<lineEnd])) }
            while let last = bytes.last, last == 0x0D || last == 0x20 || last == 0x09 { bytes.removeLast() }
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            if String(validating: bytes, as: UTF8.self) == nil {
                bytes = Array(bytes.withUnsafeBufferPointer(TextDecoding.windows1252).utf8)
            }
            return decodeJSON(Data(bytes), line: l)
        }
    }

    private func decodeJSON(_ data: Data, line l: Int) -> IngestRow {
        let object: [String: JSONScalar]
        do {
            object = try jsonDecoder.decode([String: JSONScalar].self, from: data)
        } catch {
            return .rejected(RejectedRow(file: file, line: l, field: nil, reason: "not a JSON object"))
        }
        var values: [HeaderMapping.Field: JSONScalar] = [:]
        for (k, v) in object { if let f = field(forKey: k), values[f] == nil || k == mapping.explicit[f] { values[f] = v } }
        func string(_ f: HeaderMapping.Field) -> (String?, String?) {
            switch values[f] {
            case nil, .null?: return (nil, nil)
            case .string(let s)?: return (s, nil)
            case .int(let i)?: return (String(i), nil)
            case .double(let d)?: return (String(d), nil)
            case .bool?, .other?: return (nil, "\(f.rawValue) is not a string")
            }
        }
        var score: Int?? = nil
        switch values[.score] {
        case .int(let i)?:
            if !(0...10).contains(i) {
                return .rejected(RejectedRow(file: file, line: l, field: "score", reason: FieldValidation.ScoreError.outOfRange(i).reason))
            }
            score = .some(i)
        case .double(let d)?:
            return .rejected(RejectedRow(file: file, line: l, field: "score", reason: FieldValidation.ScoreError.notAnInteger(String(d)).reason))
        case .bool?, .other?:
            return .rejected(RejectedRow(file: file, line: l, field: "score", reason: "score is not a number"))
        case nil, .null?:
            score = .some(nil)
        case .string?:
            break
        }
        var texts: [HeaderMapping.Field: String] = [:]
        for f in [HeaderMapping.Field.id, .score, .date, .text, .unit, .channel, .service] where !(f == .score && score != nil) {
            let (s, problem) = string(f)
            if let problem { return .rejected(RejectedRow(file: file, line: l, field: f.rawValue, reason: problem)) }
            if let s { texts[f] = s }
        }
        return build(
            line: l, id: texts[.id], scoreText: texts[.score], score: score, dateText: texts[.date], text: texts[.text],
            unit: texts[.unit], channel: texts[.channel], service: texts[.service])
    }
}
