import Foundation
import Logging

/// One `key=value` line per event on stderr, for cron mail, journald and log shippers:
/// `ts=2026-11-23T02:00:01Z level=info event=ingest.file file=kysely.csv inserted=310`.
///
/// The message is the event name; metadata carries counts and ids only. Callers never log comment text.
public struct KeyValueLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info
    let label: String
    let write: @Sendable (String) -> Void

    public init(label: String, write: @escaping @Sendable (String) -> Void = { line in
        FileHandle.standardError.write(Data(line.utf8))
    }) {
        self.label = label
        self.write = write
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var all = metadata
        if let explicit = event.metadata { all.merge(explicit) { $1 } }
        var out = "ts=\(Self.timestamp()) level=\(event.level.rawValue) event=\(Self.quote(event.message.description))"
        for key in all.keys.sorted() { out += " \(key)=\(Self.quote("\(all[key]!)"))" }
        write(out + "\n")
    }

    static func timestamp() -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: Date())
    }

    /// Quotes a value with spaces, quotes or `=`; newlines are escaped so one event stays one line.
    static func quote(_ s: String) -> String {
        guard s.isEmpty || s.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" || $0.isNewline }) else { return s }
        let escaped = s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
        return "\"" + escaped + "\""
    }
}
