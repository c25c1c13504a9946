import Foundation

/// What one `palaute run` did, for the summary line, `--json` and the exit status.
public struct NightlySummary: Codable, Sendable, Hashable {
    public var runID: Int64
    /// `succeeded`, `partial` (rows rejected or a file unreadable) or `failed`.
    public var status: String
    public var filesIngested: [String] = []
    /// Files whose bytes were ingested before (same SHA-256): skipped.
    public var filesSkipped: [String] = []
    public var filesUnreadable: [String] = []
    /// Responses inserted or changed by this run's files.
    public var ingested = 0
    public var rejected = 0
    public var classified = 0
    public var newFollowups = 0
    public var refreshedFollowups = 0
    public var lexiconVersion = ""
    public var modelVersion = "none"
    public var reportFiles: [String] = []
    /// Set when the run found nothing to ingest and nothing to classify.
    public var nothingNew = false
    /// Earlier runs found still `running` (their process died) and marked interrupted by this one.
    public var interruptedRuns: [Int64] = []
    /// Seconds per step: ingest, classify, report, total.
    public var timings: [String: Double] = [:]
    public var message = ""

    public init(runID: Int64, status: String) {
        self.runID = runID
        self.status = status
    }

    /// The exit status cron or systemd acts on (see docs/nightly.md).
    public var exitCode: Int32 {
        if status == "failed" { return NightlyExitCode.failure }
        if !filesUnreadable.isEmpty { return NightlyExitCode.fileUnreadable }
        if rejected > 0 { return NightlyExitCode.rowsRejected }
        return NightlyExitCode.success
    }
}

/// Exit statuses of `palaute run`, the same as `palaute ingest` for 3 and 4.
public enum NightlyExitCode {
    public static let success: Int32 = 0
    /// Anything else went wrong (database, classifier, report): see the log.
    public static let failure: Int32 = 1
    /// Some rows were rejected; the good rows landed and were classified.
    public static let rowsRejected: Int32 = 3
    /// An input file could not be read at all; the others were processed.
    public static let fileUnreadable: Int32 = 4
    /// Another run holds the lock; this one did nothing.
    public static let locked: Int32 = 5
}
