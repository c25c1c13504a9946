/// Why a nightly run could not start or stopped.
public enum NightlyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Another run holds the lock (exit code 5).
    case locked(path: String, holder: Int32?)
    case lockUnavailable(path: String, reason: String)
    case inboxUnreadable(path: String, reason: String)
    case outputUnwritable(path: String, reason: String)
    case classifierMismatch(expected: Int, got: Int)

    public var description: String {
        switch self {
        case let .locked(path, holder):
            "another palaute run is in progress\(holder.map { " (pid \($0))" } ?? "") and holds \(path); "
                + "this run did nothing"
        case let .lockUnavailable(path, reason): "cannot open lock file \(path): \(reason)"
        case let .inboxUnreadable(path, reason): "cannot read inbox \(path): \(reason)"
        case let .outputUnwritable(path, reason): "cannot write output directory \(path): \(reason)"
        case let .classifierMismatch(expected, got):
            "the classifier returned \(got) answers for \(expected) responses"
        }
    }
}
