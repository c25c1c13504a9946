import Foundation

/// What `palaute export` (and the nightly run's export step) writes.
public struct ExportOptions: Sendable {
    public enum Format: String, Sendable, CaseIterable { case csv, jsonl }

    public var formats: Set<Format>
    /// Aggregate periods: one `aggregates_<period>` and `topics_<period>` file pair per period.
    public var periods: [ReportPeriod]
    /// Original comment text instead of the redacted text. Logged in `audit_log`.
    public var includePII: Bool
    /// Who exported, for the audit log.
    public var actor: String
    /// The time overdue follow-ups are judged against.
    public var now: Date

    public init(
        formats: Set<Format> = [.csv, .jsonl], periods: [ReportPeriod] = [.month, .week], includePII: Bool = false,
        actor: String = ExportOptions.defaultActor(), now: Date = Date()
    ) {
        self.formats = formats
        self.periods = periods
        self.includePII = includePII
        self.actor = actor
        self.now = now
    }

    /// `$PALAUTE_USER`, else `$USER` / `$LOGNAME`, else the account name of the process (cron jobs often have no
    /// `$USER`), else `unknown`.
    public static func defaultActor(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        for key in ["PALAUTE_USER", "USER", "LOGNAME"] { if let v = environment[key], !v.isEmpty { return v } }
        if let pw = getpwuid(geteuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        return "unknown"
    }
}

/// What an export wrote.
public struct ExportSummary: Sendable {
    /// Files written, in the order written.
    public var files: [URL] = []
    public var responses = 0
    public var mentions = 0
    public var followUps = 0
    /// Responses without a current result whose text was redacted on the fly.
    public var redactedOnTheFly = 0
    public var includePII = false
    /// The aggregates computed on the way, for the HTML report.
    public var aggregates = Aggregates()
}
