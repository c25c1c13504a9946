import Foundation
import GRDB
import Logging
import PalauteIngest
import PalauteStore

/// Where a nightly run reads from and writes to.
public struct NightlyConfiguration: Sendable {
    public var databasePath: String
    /// Export files named on the command line.
    public var files: [URL]
    /// A folder whose export files (`.csv`, `.tsv`, `.txt`, `.jsonl`) are ingested; already-ingested bytes are skipped.
    public var inbox: URL?
    /// Where the report writer puts the exports and report; nil skips the report step.
    public var outDirectory: URL?
    /// Responses per write transaction.
    public var chunkSize: Int
    public var policy: FollowUpPolicy
    /// Recorded in the audit log and as the ingest actor.
    public var actor: String
    /// Write the report even when the run found nothing new.
    public var forceReport: Bool
    /// Test hook: sleep this many seconds after the first chunk is committed (so a test can kill the run there).
    public var pauseAfterFirstChunk: Double?

    public init(
        databasePath: String, files: [URL] = [], inbox: URL? = nil, outDirectory: URL? = nil, chunkSize: Int = 2_000,
        policy: FollowUpPolicy = .default, actor: String = "palaute run", forceReport: Bool = false,
        pauseAfterFirstChunk: Double? = nil
    ) {
        self.databasePath = databasePath
        self.files = files
        self.inbox = inbox
        self.outDirectory = outDirectory
        self.chunkSize = max(1, chunkSize)
        self.policy = policy
        self.actor = actor
        self.forceReport = forceReport
        self.pauseAfterFirstChunk = pauseAfterFirstChunk
    }
}

/// What the run reports as it goes, for a progress line on a terminal.
public enum NightlyProgress: Sendable {
    case ingesting(file: String, index: Int, of: Int)
    case classifying(done: Int, of: Int)
    case writingReport
}

/// The nightly pipeline: ingest → classify pending → store results and update the follow-up queue → report.
///
/// Crash-safe by construction: every step commits in its own transactions with idempotent effects (one per
/// ingested file; one per chunk of classified responses, holding the results, the cleared `needs_classification`
/// and the follow-up cases together), and the next run simply continues with what is still pending. A lock on
/// `<database>.lock` keeps two runs apart. docs/nightly.md describes the steps, the exit codes and scheduling.
public final class NightlyRun {
    public let configuration: NightlyConfiguration
    let classifier: any ResponseClassifying
    /// The refinement step: given, or made from the opened database (the LLM cache lives there).
    private(set) var refiner: (any ClassificationRefining)?
    let makeRefiner: (@Sendable (PalauteDatabase) throws -> (any ClassificationRefining)?)?
    let reportWriter: (any ReportWriting)?
    let logger: Logger
    let progress: @Sendable (NightlyProgress) -> Void

    public init(
        configuration: NightlyConfiguration, classifier: any ResponseClassifying,
        refiner: (any ClassificationRefining)? = nil,
        makeRefiner: (@Sendable (PalauteDatabase) throws -> (any ClassificationRefining)?)? = nil,
        reportWriter: (any ReportWriting)? = nil,
        logger: Logger = Logger(label: "palaute.run"), progress: @escaping @Sendable (NightlyProgress) -> Void = { _ in }
    ) {
        self.configuration = configuration
        self.classifier = classifier
        self.refiner = refiner
        self.makeRefiner = makeRefiner
        self.reportWriter = reportWriter
        self.logger = logger
        self.progress = progress
    }

    /// The model version stored with results: the refinement step's, or `none`.
    public var modelVersion: String { refiner?.modelVersion ?? "none" }

    /// Runs every step. Throws `NightlyError.locked` when another run holds the lock (nothing done, no record);
    /// any other error marks the run record `failed` and is rethrown.
    public func execute() throws -> NightlySummary {
        let clock = ContinuousClock.now
        let lock = try RunLock(path: RunLock.path(forDatabase: configuration.databasePath))
        defer { lock.release() }
        let database = try PalauteDatabase(path: configuration.databasePath)
        if refiner == nil, let makeRefiner { refiner = try makeRefiner(database) }

        let files = try inputFiles()
        let started = Date()
        let (runID, interrupted, previousCompleted) = try database.pool.write { db in
            // We hold the lock, so a run still marked running died without finishing.
            let stale = try Int64.fetchAll(db, sql: "SELECT id FROM nightly_run WHERE status = 'running' ORDER BY id")
            let last = try String.fetchOne(db, sql: "SELECT status FROM nightly_run ORDER BY id DESC LIMIT 1")
            var run = NightlyRunRecord(startedAt: started, files: Self.json(files.map(\.path)))
            try run.insert(db)
            for id in stale {
                try db.execute(sql: """
                    UPDATE nightly_run SET status = 'failed', finished_at = COALESCE(finished_at, ?),
                        message = 'interrupted: the process ended before the run finished (found by run ' || ? || ')'
                    WHERE id = ?
                    """, arguments: [started, run.id!, id])
                try db.execute(sql: """
                    UPDATE classification_run SET status = 'failed', finished_at = COALESCE(finished_at, ?),
                        message = 'interrupted' WHERE status = 'running'
                    """, arguments: [started])
            }
            return (run.id!, stale, last == "succeeded" || last == "partial")
        }
        var summary = NightlySummary(runID: runID, status: "running")
        summary.interruptedRuns = interrupted
        summary.lexiconVersion = classifier.lexiconVersion
        summary.modelVersion = modelVersion
        logger.info("run.started", metadata: [
            "run": "\(runID)", "files": "\(files.count)", "lexicon": "\(classifier.lexiconVersion)",
            "model": "\(modelVersion)",
        ])
        for id in interrupted { logger.warning("run.interrupted_found", metadata: ["run": "\(id)"]) }

        do {
            var t = ContinuousClock.now
            try ingest(files, database: database, runID: runID, summary: &summary)
            summary.timings["ingest"] = Self.seconds(since: t)

            t = ContinuousClock.now
            try classifyPending(database: database, runID: runID, summary: &summary)
            summary.timings["classify"] = Self.seconds(since: t)

            summary.nothingNew = summary.ingested == 0 && summary.classified == 0 && summary.filesUnreadable.isEmpty
                && summary.rejected == 0
            t = ContinuousClock.now
            try writeReport(database: database, runID: runID, previousCompleted: previousCompleted,
                            summary: &summary)
            summary.timings["report"] = Self.seconds(since: t)
        } catch {
            summary.status = "failed"
            summary.message = "failed: \(error)"
            summary.timings["total"] = Self.seconds(since: clock)
            try? finish(database: database, summary: summary)
            logger.error("run.failed", metadata: ["run": "\(runID)", "error": "\(error)"])
            throw error
        }
        summary.status = summary.rejected > 0 || !summary.filesUnreadable.isEmpty ? "partial" : "succeeded"
        summary.timings["total"] = Self.seconds(since: clock)
        summary.message = Self.message(summary)
        try finish(database: database, summary: summary)
        logger.info("run.finished", metadata: [
            "run": "\(runID)", "status": "\(summary.status)", "ingested": "\(summary.ingested)",
            "rejected": "\(summary.rejected)", "classified": "\(summary.classified)",
            "new_followups": "\(summary.newFollowups)", "nothing_new": "\(summary.nothingNew)",
            "seconds": "\(String(format: "%.2f", summary.timings["total"] ?? 0))",
        ])
        return summary
    }

    // MARK: - ingest

    /// Command-line files first, then the inbox's export files by name.
    func inputFiles() throws -> [URL] {
        var out = configuration.files
        if let inbox = configuration.inbox {
            let names: [String]
            do { names = try FileManager.default.contentsOfDirectory(atPath: inbox.path) } catch {
                throw NightlyError.inboxUnreadable(path: inbox.path, reason: error.localizedDescription)
            }
            let exts: Set<String> = ["csv", "tsv", "txt", "jsonl"]
            for name in names.sorted() where !name.hasPrefix(".") {
                let url = inbox.appendingPathComponent(name)
                var isDir: ObjCBool = false
                guard exts.contains(url.pathExtension.lowercased()),
                      FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue
                else { continue }
                out.append(url)
            }
        }
        return out
    }

    func ingest(_ files: [URL], database: PalauteDatabase, runID: Int64, summary: inout NightlySummary) throws {
        let service = IngestService(database: database, actor: configuration.actor)
        for (i, url) in files.enumerated() {
            let name = url.relativePath
            progress(.ingesting(file: url.lastPathComponent, index: i + 1, of: files.count))
            do {
                var rejects: [RejectedRow] = []
                let s = try service.ingest(url, name: name) { rejects.append($0) }
                switch s.outcome {
                case .alreadyIngested(let batch):
                    summary.filesSkipped.append(name)
                    logger.info("ingest.skipped", metadata: ["file": "\(url.lastPathComponent)", "batch": "\(batch)",
                                                            "why": "same checksum already ingested"])
                case .ingested(let batch):
                    summary.filesIngested.append(name)
                    summary.ingested += s.inserted + s.updated
                    summary.rejected += s.rejected
                    logger.info("ingest.file", metadata: [
                        "file": "\(url.lastPathComponent)", "batch": "\(batch)", "read": "\(s.rowsRead)",
                        "inserted": "\(s.inserted)", "updated": "\(s.updated)", "unchanged": "\(s.unchanged)",
                        "rejected": "\(s.rejected)",
                    ])
                    // Reasons name the field and problem, never comment text.
                    for r in rejects.prefix(20) {
                        logger.warning("ingest.rejected", metadata: [
                            "file": "\(url.lastPathComponent)", "line": "\(r.line)", "field": "\(r.field ?? "")",
                            "reason": "\(r.reason)",
                        ])
                    }
                    try database.pool.write { db in
                        try db.execute(sql: """
                            UPDATE nightly_run SET ingested = ingested + ?, rejected = rejected + ? WHERE id = ?
                            """, arguments: [s.inserted + s.updated, s.rejected, runID])
                    }
                }
            } catch let error as ExportError {
                summary.filesUnreadable.append(name)
                logger.error("ingest.unreadable", metadata: ["file": "\(url.lastPathComponent)", "error": "\(error)"])
            }
        }
    }

    // MARK: - report and run record

    func writeReport(database: PalauteDatabase, runID: Int64, previousCompleted: Bool,
                     summary: inout NightlySummary) throws {
        guard let out = configuration.outDirectory else { return }
        guard let writer = reportWriter else {
            logger.notice("report.skipped", metadata: ["why": "no report writer configured"])
            return
        }
        // Nothing changed since a run that completed its report: leave the report as it is.
        if summary.nothingNew && previousCompleted && !configuration.forceReport
            && FileManager.default.fileExists(atPath: out.path)
        {
            logger.info("report.skipped", metadata: ["why": "nothing new"])
            return
        }
        progress(.writingReport)
        do {
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        } catch {
            throw NightlyError.outputUnwritable(path: out.path, reason: error.localizedDescription)
        }
        let written = try writer.write(database: database, to: out, runID: runID)
        summary.reportFiles = written.map(\.relativePath)
        logger.info("report.written", metadata: ["dir": "\(out.path)", "files": "\(written.count)"])
    }

    func finish(database: PalauteDatabase, summary: NightlySummary) throws {
        let now = Date()
        try database.pool.write { db in
            guard var run = try NightlyRunRecord.fetchOne(db, key: summary.runID) else { return }
            run.finishedAt = now
            run.status = NightlyRunRecord.Status(rawValue: summary.status) ?? .failed
            run.message = summary.message
            try run.update(db)
            var audit = AuditEntryRecord(
                actor: configuration.actor, action: "run", entity: "nightly_run", entityID: String(summary.runID),
                details: [
                    "status": summary.status, "ingested": String(run.ingested), "rejected": String(run.rejected),
                    "classified": String(run.classified), "new_followups": String(run.newFollowups),
                    "lexicon_version": summary.lexiconVersion, "model_version": summary.modelVersion,
                    "seconds": String(format: "%.2f", summary.timings["total"] ?? 0),
                ], at: now)
            try audit.insert(db)
        }
    }

    static func message(_ s: NightlySummary) -> String {
        func f(_ k: String) -> String { String(format: "%.2f s", s.timings[k] ?? 0) }
        let timings = "ingest \(f("ingest")), classify \(f("classify")), report \(f("report")), total \(f("total"))"
        if s.nothingNew {
            return "nothing new: \(s.filesSkipped.count) file(s) already ingested, no responses to classify; \(timings)"
        }
        var parts = ["ingested \(s.ingested) from \(s.filesIngested.count) file(s)"]
        if !s.filesSkipped.isEmpty { parts.append("\(s.filesSkipped.count) file(s) already ingested") }
        if !s.filesUnreadable.isEmpty { parts.append("\(s.filesUnreadable.count) file(s) unreadable") }
        parts.append("rejected \(s.rejected)")
        parts.append("classified \(s.classified)")
        parts.append("new follow-ups \(s.newFollowups)")
        if s.refreshedFollowups > 0 { parts.append("refreshed follow-ups \(s.refreshedFollowups)") }
        return parts.joined(separator: ", ") + "; " + timings
    }

    static func json(_ strings: [String]) -> String {
        String(decoding: (try? JSONEncoder().encode(strings)) ?? Data("[]".utf8), as: UTF8.self)
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}
