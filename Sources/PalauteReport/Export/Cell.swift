import Foundation

/// One value of an exported row. The kind decides how it is written: text is guarded against spreadsheet formulas
/// in CSV, decimals get a decimal comma in CSV and stay plain numbers in JSON Lines.
public enum Cell: Sendable, Hashable {
    case text(String?)
    case int(Int?)
    /// A number written for people; `digits` decimals in CSV, full precision in JSON.
    case decimal(Double?, digits: Int)
    case bool(Bool?)
    /// A list of ids, space-separated in CSV and an array in JSON.
    case list([String])
    /// A moment, UTC: `yyyy-mm-dd hh:mm:ss` in CSV, ISO 8601 with `Z` in JSON.
    case date(Date?)

    static func int64(_ v: Int64?) -> Cell { .int(v.map { Int($0) }) }
}

/// UTC calendar fields of a date, without a (non-Sendable) formatter.
enum UTCTimestamp {
    static func parts(_ date: Date) -> (date: String, time: String) {
        var t = time_t(date.timeIntervalSince1970.rounded(.down))
        var tm = tm()
        gmtime_r(&t, &tm)
        func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return ("\(tm.tm_year + 1900)-\(two(tm.tm_mon + 1))-\(two(tm.tm_mday))",
                "\(two(tm.tm_hour)):\(two(tm.tm_min)):\(two(tm.tm_sec))")
    }
}

/// The header and rows of one export file, written as CSV or JSON Lines from the same definition.
protocol TableSink {
    mutating func header(_ columns: [String]) throws
    mutating func row(_ cells: [Cell]) throws
    mutating func finish() throws
}

/// Writes text to a new file created with mode 0600 (an export may hold personal data), through a buffer.
final class OutputFile {
    let url: URL
    private let handle: FileHandle
    private var buffer = Data()

    init(url: URL) throws {
        self.url = url
        let fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { throw ReportError.cannotWrite(path: url.path, reason: String(cString: strerror(errno))) }
        fchmod(fd, 0o600)
        handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    }

    func write(_ s: String) throws {
        buffer.append(contentsOf: s.utf8)
        if buffer.count >= 1 << 16 { try flush() }
    }

    func write(bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { try flush() }
    }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        do { try handle.write(contentsOf: buffer) } catch {
            throw ReportError.cannotWrite(path: url.path, reason: error.localizedDescription)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws {
        try flush()
        try handle.close()
    }
}

/// What went wrong writing exports or the report.
public enum ReportError: Error, Sendable, Equatable, CustomStringConvertible {
    case cannotWrite(path: String, reason: String)
    case cannotCreateDirectory(path: String, reason: String)

    public var description: String {
        switch self {
        case let .cannotWrite(path, reason): "cannot write \(path): \(reason)"
        case let .cannotCreateDirectory(path, reason): "cannot create directory \(path): \(reason)"
        }
    }
}
