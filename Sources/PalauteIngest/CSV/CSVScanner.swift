/// Splits CSV records out of a byte buffer (RFC 4180 plus what spreadsheets write): quoted fields with
/// doubled quotes and embedded newlines, CRLF, LF or CR line ends, a quote inside an unquoted field taken literally.
///
/// It works on bytes: the delimiter, quote and line ends are ASCII, the same byte in UTF-8 and Windows-1252.
/// Field bounds land in `starts`/`ends`/`escaped`, reused from record to record.
struct CSVScanner {
    enum Outcome: Equatable {
        /// A record ends before `next`; it spanned `newlines` line breaks (its own terminator included).
        case record(next: Int, newlines: Int)
        /// The buffer ends inside the record: read more and scan again from the same start.
        case needMore
        /// No more records.
        case endOfInput
        /// The record is not well-formed CSV.
        case malformed(String)
    }

    let delimiter: UInt8
    var starts: [Int] = []
    var ends: [Int] = []
    /// Whether a field holds doubled quotes to undo.
    var escaped: [Bool] = []
    /// Whether a field was quoted (an empty quoted field is not a blank line).
    var quoted: [Bool] = []

    static let quote = UInt8(ascii: "\"")
    static let lf = UInt8(ascii: "\n")
    static let cr = UInt8(ascii: "\r")

    init(delimiter: UInt8) {
        self.delimiter = delimiter
        starts.reserveCapacity(128); ends.reserveCapacity(128); escaped.reserveCapacity(128); quoted.reserveCapacity(128)
    }

    var fieldCount: Int { starts.count }

    /// Scans one record of `buf` starting at `from`. `eof` says whether `buf` ends where the input ends.
    mutating func scan(_ buf: UnsafeBufferPointer<UInt8>, from: Int, eof: Bool) -> Outcome {
        starts.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        escaped.removeAll(keepingCapacity: true)
        quoted.removeAll(keepingCapacity: true)
        let n = buf.count
        if from >= n { return eof ? .endOfInput : .needMore }
        let delim = delimiter
        var i = from
        var newlines = 0
        while true {
            if i < n && buf[i] == Self.quote {
                // Quoted field.
                i += 1
                let start = i
                var esc = false
                var closed = -1
                while i < n {
                    let c = buf[i]
                    if c == Self.quote {
                        if i + 1 < n {
                            if buf[i + 1] == Self.quote { esc = true; i += 2; continue }
                            closed = i; i += 1; break
                        }
                        if !eof { return .needMore }
                        closed = i; i += 1; break
                    }
                    if c == Self.lf { newlines += 1 }
                    i += 1
                }
                if closed < 0 { return eof ? .malformed("quoted field is not closed before the end of the file") : .needMore }
                starts.append(start); ends.append(closed); escaped.append(esc); quoted.append(true)
                if i >= n {
                    if !eof { return .needMore }
                    return .record(next: i, newlines: newlines)
                }
                let c = buf[i]
                if c == delim { i += 1; continue }
                if c == Self.lf { return .record(next: i + 1, newlines: newlines + 1) }
                if c == Self.cr {
                    if i + 1 < n { return .record(next: buf[i + 1] == Self.lf ? i + 2 : i + 1, newlines: newlines + 1) }
                    if !eof { return .needMore }
                    return .record(next: i + 1, newlines: newlines + 1)
                }
                return .malformed("text after a closing quote (a quote inside a quoted field must be doubled)")
            }
            // Unquoted field: up to the delimiter or line end.
            let start = i
            while i < n {
                let c = buf[i]
                if c == delim || c == Self.lf || c == Self.cr { break }
                i += 1
            }
            starts.append(start); ends.append(i); escaped.append(false); quoted.append(false)
            if i >= n {
                if !eof { return .needMore }
                return .record(next: i, newlines: newlines)
            }
            let c = buf[i]
            if c == delim { i += 1; continue }
            if c == Self.lf { return .record(next: i + 1, newlines: newlines + 1) }
            // CR
            if i + 1 < n { return .record(next: buf[i + 1] == Self.lf ? i + 2 : i + 1, newlines: newlines + 1) }
            if !eof { return .needMore }
            return .record(next: i + 1, newlines: newlines + 1)
        }
    }

    /// True for a line with nothing on it, or only delimiters.
    func isBlank() -> Bool {
        for k in 0..<starts.count where quoted[k] || ends[k] > starts[k] { return false }
        return true
    }

    /// Picks the delimiter of a header line: the most frequent of `;`, tab and `,` outside quotes
    /// (ties go to `;` then tab, as Finnish Excel uses `;` because `,` is the decimal separator).
    static func detectDelimiter(_ buf: UnsafeBufferPointer<UInt8>) -> UInt8 {
        var semi = 0, tab = 0, comma = 0
        var inQuotes = false
        for c in buf {
            if c == quote { inQuotes.toggle(); continue }
            if inQuotes { continue }
            if c == lf || c == cr { break }
            switch c {
            case UInt8(ascii: ";"): semi += 1
            case UInt8(ascii: "\t"): tab += 1
            case UInt8(ascii: ","): comma += 1
            default: break
            }
        }
        if semi >= tab && semi >= comma && semi > 0 { return UInt8(ascii: ";") }
        if tab >= comma && tab > 0 { return UInt8(ascii: "\t") }
        return UInt8(ascii: ",")
    }
}
