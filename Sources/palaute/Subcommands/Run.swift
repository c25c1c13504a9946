import ArgumentParser
import Foundation
import Logging
import PalauteClassify
import PalauteLLM
import PalauteNightly
import PalauteReport
import PalauteStore
import PalauteText

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The nightly job: ingest new exports, classify what is pending, update the follow-up queue, "
            + "write the report.",
        discussion: """
            Files named here and export files in --inbox are ingested (files already ingested are recognised by \
            SHA-256 and skipped); every response without a result for the current lexicon and model version is \
            classified, in chunks that each commit in one transaction, so a killed run simply continues next time. \
            A second run with nothing new does nothing and says so.
            On a terminal a progress line is shown; otherwise key=value log lines go to stderr.
            Exit status: 0 success, 3 some rows were rejected, 4 an input file could not be read, \
            5 another run holds the lock (nothing done), 1 any other failure. See docs/nightly.md.
            """
    )

    @Argument(help: "Export files to ingest (.csv, .tsv, .txt, .jsonl).")
    var files: [String] = []

    @Option(help: "A folder whose export files are ingested (already-ingested files are skipped).")
    var inbox: String?

    @Option(help: "SQLite database (default $PALAUTE_DB, else palaute.sqlite).")
    var database: String?

    @Option(help: "Directory for the exports and the report (default: out).")
    var out: String = "out"

    @Option(help: "LLM second opinion: off, uncertain or all.")
    var llm: String = "off"

    @Option(name: .customLong("llm-config"), help: "The LLM config file (needed unless --llm off).")
    var llmConfig: String?

    @Option(help: "The lexicons folder (default: found automatically).")
    var lexicons: String?

    @Option(help: "Follow-up service-level targets, JSON (see docs/nightly.md). Default: urgent 1, others 2 working days.")
    var sla: String?

    @Option(name: .customLong("chunk-size"), help: "Responses per write transaction.")
    var chunkSize: Int = 2_000

    @Option(help: "Classification worker threads (default: all cores).")
    var workers: Int = ProcessInfo.processInfo.activeProcessorCount

    @ArgumentParser.Flag(name: .customLong("force-report"), help: "Write the report even when nothing is new.")
    var forceReport = false

    @ArgumentParser.Flag(help: "Print the summary as JSON on stdout.")
    var json = false

    @ArgumentParser.Flag(help: "Print the human summary on stdout even when stdout is not a terminal.")
    var summary = false

    func validate() throws {
        guard ["off", "uncertain", "all"].contains(llm) else { throw ValidationError("--llm must be off, uncertain or all") }
        if llm != "off" && llmConfig == nil { throw ValidationError("--llm \(llm) needs --llm-config FILE") }
        guard chunkSize > 0 else { throw ValidationError("--chunk-size must be positive") }
    }

    func run() throws {
        let interactive = isatty(2) == 1
        var logger = Logger(label: "palaute.run") { KeyValueLogHandler(label: $0) }
        logger.logLevel = interactive ? .warning : .info
        let progressLine = ProgressLine(enabled: interactive)

        let dbPath = database ?? PalauteDatabase.defaultPath()
        let env = ProcessInfo.processInfo.environment
        let nightly: NightlyRun
        do {
            let policy = try sla.map { try FollowUpPolicy.load(from: URL(fileURLWithPath: $0)) } ?? .default
            let lexiconURL = try ResourceLocator.locate("lexicons", explicit: lexicons)
            let classifier = try Classifier(lexicons: lexiconURL.path)
            let adapter = AnalyzingClassifier(classifier: classifier, lexicons: lexiconURL, workers: workers)
            let config = NightlyConfiguration(
                databasePath: dbPath, files: files.map { URL(fileURLWithPath: $0) },
                inbox: inbox.map { URL(fileURLWithPath: $0, isDirectory: true) },
                outDirectory: URL(fileURLWithPath: out, isDirectory: true), chunkSize: chunkSize, policy: policy,
                actor: FollowUpQueue.actor(explicit: nil), forceReport: forceReport,
                pauseAfterFirstChunk: env["PALAUTE_TEST_PAUSE_AFTER_CHUNK"].flatMap(Double.init))
            nightly = NightlyRun(
                configuration: config, classifier: adapter, makeRefiner: try Self.refiner(llm: llm, config: llmConfig, logger: logger),
                reportWriter: Self.reportWriter(), logger: logger, progress: { progressLine.show($0) })
        } catch {
            FileHandle.standardError.write(Data("palaute: \(error)\n".utf8))
            throw ExitCode(NightlyExitCode.failure)
        }

        let result: NightlySummary
        do {
            result = try nightly.execute()
            progressLine.clear()
        } catch let error as NightlyError {
            progressLine.clear()
            FileHandle.standardError.write(Data("palaute: \(error)\n".utf8))
            if case .locked = error { throw ExitCode(NightlyExitCode.locked) }
            throw ExitCode(NightlyExitCode.failure)
        } catch {
            progressLine.clear()
            FileHandle.standardError.write(Data("palaute: run failed: \(error)\n".utf8))
            throw ExitCode(NightlyExitCode.failure)
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            FileHandle.standardOutput.write(try encoder.encode(result) + Data("\n".utf8))
        } else if summary || isatty(1) == 1 {
            print(Self.describe(result, database: dbPath))
        }
        if result.exitCode != 0 { throw ExitCode(result.exitCode) }
    }

    /// The exports and `report.html` at the end of the run (PalauteReport: redacted texts only).
    static func reportWriter() -> (any ReportWriting)? {
        ClosureReportWriter { db, dir, _ in try PalauteReport.ReportWriter(database: db).write(to: dir).files }
    }

    /// The LLM step for `--llm uncertain|all`: `LLMAssist.load` (config, prompt v1 from models/, the
    /// OpenAI-compatible client) with the database's `llm_cache`. The config is read here, so a bad file fails
    /// before the run starts; the assist is made once the run has opened the database.
    static func refiner(llm: String, config path: String?, logger: Logger) throws
        -> (@Sendable (PalauteDatabase) throws -> (any ClassificationRefining)?)?
    {
        guard let policy = LLMPolicy(rawValue: llm), policy != .off else { return nil }
        _ = try LLMAssist.load(policy: policy, configFile: path, cache: InMemoryAnswerCache(), logger: logger)
        return { database in
            try LLMAssist.load(policy: policy, configFile: path, cache: DatabaseAnswerCache(database: database),
                               logger: logger).map { LLMRefiner(assist: $0) }
        }
    }

    static func describe(_ s: NightlySummary, database: String) -> String {
        var lines: [String] = []
        if s.nothingNew {
            lines.append("Nothing new: \(s.filesSkipped.count) file(s) already ingested, no responses to classify.")
        } else {
            lines.append("Run \(s.runID) \(s.status): ingested \(s.ingested) responses from \(s.filesIngested.count) "
                + "file(s)\(s.filesSkipped.isEmpty ? "" : " (\(s.filesSkipped.count) already ingested, skipped)"), "
                + "rejected \(s.rejected) rows, classified \(s.classified), new follow-up cases \(s.newFollowups)"
                + (s.refreshedFollowups > 0 ? ", refreshed \(s.refreshedFollowups)" : "") + ".")
        }
        for f in s.filesUnreadable { lines.append("Unreadable: \(f)") }
        if !s.interruptedRuns.isEmpty {
            lines.append("Earlier run(s) \(s.interruptedRuns.map(String.init).joined(separator: ", ")) had been "
                + "interrupted; their work was kept and continued.")
        }
        if !s.reportFiles.isEmpty {
            let html = s.reportFiles.first { $0.hasSuffix(".html") }
            lines.append("Report and exports: \(s.reportFiles.count) file(s)\(html.map { ", open \($0)" } ?? "")")
        }
        let total = s.timings["total"] ?? 0
        lines.append(String(format: "Lexicon %@, model %@, database %@, %.2f s.", s.lexiconVersion, s.modelVersion,
                            database, total))
        return lines.joined(separator: "\n")
    }
}

/// The progress line on a terminal (stderr), redrawn at most ten times a second.
final class ProgressLine: @unchecked Sendable {
    private let enabled: Bool
    private let lock = NSLock()
    private var last = ContinuousClock.now - .seconds(1)
    private var classifyStart: ContinuousClock.Instant?
    private var shown = false

    init(enabled: Bool) { self.enabled = enabled }

    func show(_ p: NightlyProgress) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = ContinuousClock.now
        var text: String
        var force = false
        switch p {
        case let .ingesting(file, index, total):
            text = "ingest \(index)/\(total) \(file)"
            force = true
        case let .classifying(done, total):
            if classifyStart == nil { classifyStart = now }
            let d = now - classifyStart!
            let secs = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
            let rate = secs > 0 ? Double(done) / secs : 0
            text = String(format: "classify %d/%d (%.0f%%) %.0f/s", done, total,
                          total > 0 ? 100 * Double(done) / Double(total) : 100, rate)
            force = done == total
        case .writingReport:
            text = "writing report"
            force = true
        }
        guard force || now - last >= .milliseconds(100) else { return }
        last = now
        if text.count > 78 { text = String(text.prefix(78)) }
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
        shown = true
    }

    func clear() {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        shown = false
    }
}
