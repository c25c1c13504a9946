import Foundation
import GRDB
import PalauteClassify
import PalauteStore
import PalauteText

/// Writes the export files of docs/reporting.md from one consistent snapshot of the database.
///
/// Comment text is the redacted text (`result.redacted_text`; a response not yet classified is redacted on the
/// fly with `Redactor`) unless `includePII` is set, and every export is written to `audit_log`.
public struct Exporter: Sendable {
    public let database: PalauteDatabase

    public init(database: PalauteDatabase) { self.database = database }

    @discardableResult
    public func export(to directory: URL, options: ExportOptions = ExportOptions()) throws -> ExportSummary {
        try FileManager.default.createPrivateDirectory(at: directory)
        var summary = ExportSummary()
        summary.includePII = options.includePII
        var redactor: Redactor?

        try database.pool.read { db in
            // responses.*
            let responses = try TableOutput(directory, "responses", options.formats, into: &summary)
            try responses.header(Self.responseColumns)
            var aggregates = Aggregates()
            try StoredResponse.forEach(in: db) { row in
                aggregates.add(row)
                let text: String
                if options.includePII {
                    text = row.text
                } else if let redacted = row.redactedText {
                    text = redacted
                } else {
                    if redactor == nil { redactor = Redactor() }
                    text = row.text.isEmpty ? "" : redactor!.redact(row.text).text
                    summary.redactedOnTheFly += 1
                }
                try responses.row(Self.responseCells(row, text: text, redacted: !options.includePII))
                summary.responses += 1
            }
            try responses.finish()
            summary.aggregates = aggregates

            // mentions.*
            let mentions = try TableOutput(directory, "mentions", options.formats, into: &summary)
            try mentions.header(Self.mentionColumns)
            let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM v_topic_mentions ORDER BY response_id, mention_id")
            while let r = try cursor.next() {
                try mentions.row([
                    .int64(r["response_id"]), .int64(r["mention_id"]), .text(r["unit"]), .text(r["service"]),
                    .text(r["day"]), .text(r["month"]), .text(r["week_start"]), .int(r["score"]), .text(r["topic"]),
                    .text(r["topic_name"]), .text(r["label"]), .text(r["label_fi"]), .text(r["provenance"]),
                    .text(r["model"]), .text(r["sentiment"]),
                ])
                summary.mentions += 1
            }
            try mentions.finish()

            // followups.*
            let followups = try TableOutput(directory, "followups", options.formats, into: &summary)
            try followups.header(Self.followUpColumns)
            for f in try FollowUpRow.fetchAll(db, openOnly: false) {
                try followups.row(Self.followUpCells(f, includePII: options.includePII, now: options.now))
                summary.followUps += 1
            }
            try followups.finish()
        }

        let aggregates = summary.aggregates
        for period in options.periods {
            let a = try TableOutput(directory, "aggregates_\(period.rawValue)", options.formats, into: &summary)
            try a.header(Self.aggregateColumns(period))
            for row in aggregates.unitPeriods(period) { try a.row(Self.aggregateCells(row, period: period)) }
            try a.finish()

            let t = try TableOutput(directory, "topics_\(period.rawValue)", options.formats, into: &summary)
            try t.header(Self.topicCountColumns(period))
            for row in aggregates.topicCounts(period) {
                var cells: [Cell] = [.text(row.unit), .text(row.period)]
                if period == .week { cells.append(.text(ReportPeriod.isoWeek(ofDay: row.period))) }
                cells += [.text(row.topic.rawValue), .text(row.topic.finnishName), .int(row.counts.praise),
                          .int(row.counts.criticism), .int(row.counts.suggestion), .int(row.counts.responses)]
                try t.row(cells)
            }
            try t.finish()
        }
        let impact = try TableOutput(directory, "topic_impact", options.formats, into: &summary)
        try impact.header(Self.impactColumns)
        for i in aggregates.topicImpacts { try impact.row(Self.impactCells(i)) }
        try impact.finish()
        let unitImpact = try TableOutput(directory, "topic_impact_unit", options.formats, into: &summary)
        try unitImpact.header(["unit"] + Self.impactColumns)
        for u in aggregates.unitTopicImpacts { try unitImpact.row([.text(u.unit)] + Self.impactCells(u.impact)) }
        try unitImpact.finish()

        try audit(summary, directory: directory, options: options)
        return summary
    }

    /// Every export is logged; the entry names the files and whether original text was included, never any text.
    private func audit(_ summary: ExportSummary, directory: URL, options: ExportOptions) throws {
        var entry = AuditEntryRecord(
            actor: options.actor, action: options.includePII ? "export.include_pii" : "export", entity: "export",
            entityID: directory.path,
            details: [
                "include_pii": options.includePII ? "true" : "false",
                "files": summary.files.map(\.lastPathComponent).joined(separator: " "),
                "responses": String(summary.responses),
                "followups": String(summary.followUps),
            ], at: options.now)
        try database.pool.write { db in try entry.insert(db) }
    }

    // MARK: - Columns

    static let responseColumns = [
        "response_id", "source", "external_id", "channel", "unit", "service", "visited_on", "day", "score",
        "nps_category", "classified", "lang", "sentiment", "confidence", "mismatch", "follow_up", "topics",
        "praise_topics", "criticism_topics", "suggestion_topics", "flags", "lexicon_version", "model_version",
        "text_redacted", "text",
    ]

    static func responseCells(_ r: StoredResponse, text: String, redacted: Bool) -> [Cell] {
        func topics(_ label: MentionLabel) -> [String] { r.topics.filter { $0.label == label }.map(\.topic.rawValue) }
        return [
            .int64(r.id), .text(r.source), .text(r.externalID), .text(r.channel), .text(r.unit), .text(r.service),
            .text(r.visitedOn), .text(r.day), .int(r.score), .text(r.npsCategory?.rawValue), .bool(r.resultID != nil),
            .text(r.lang), .text(r.sentiment?.rawValue), .decimal(r.confidence, digits: 2),
            .bool(r.resultID == nil ? nil : r.mismatch), .bool(r.resultID == nil ? nil : r.followUp),
            .list(r.topics.map { "\($0.topic.rawValue):\($0.label.rawValue)" }), .list(topics(.praise)),
            .list(topics(.criticism)), .list(topics(.suggestion)), .list(r.flags.map(\.rawValue)),
            .text(r.lexiconVersion), .text(r.modelVersion), .bool(redacted), .text(text),
        ]
    }

    static let mentionColumns = [
        "response_id", "mention_id", "unit", "service", "day", "month", "week_start", "score", "topic", "topic_name",
        "label", "label_fi", "provenance", "model", "sentiment",
    ]

    static let followUpColumns = [
        "case_id", "response_id", "source", "external_id", "unit", "visited_on", "score", "nps_category", "sentiment",
        "priority", "priority_rank", "opened_at", "due_at", "overdue", "status", "assignee", "is_open", "reason",
        "flags", "topics", "text_redacted", "text",
    ]

    static func followUpCells(_ f: FollowUpRow, includePII: Bool, now: Date) -> [Cell] {
        [
            .int64(f.caseID), .int64(f.responseID), .text(f.source), .text(f.externalID), .text(f.unit),
            .text(f.visitedOn), .int(f.score), .text(f.nps), .text(f.sentiment?.rawValue), .text(f.priority.rawValue),
            .int(f.priorityRank), .date(f.openedAt), .date(f.dueAt), .bool(f.isOverdue(at: now)),
            .text(f.status.rawValue), .text(f.assignee), .bool(f.isOpen), .text(f.reason),
            .list(f.flags.map(\.rawValue)), .list(f.topics.map { "\($0.topic.rawValue):\($0.label.rawValue)" }),
            .bool(!includePII), .text(includePII ? f.originalText : f.redactedText),
        ]
    }

    static func aggregateColumns(_ period: ReportPeriod) -> [String] {
        ["unit"] + (period == .month ? ["month"] : ["week_start", "iso_week"]) + [
            "responses", "n", "promoters", "passives", "detractors", "promoter_share", "passive_share",
            "detractor_share", "nps", "se", "margin95", "nps_low", "nps_high", "small_n", "positive", "negative",
            "neutral", "mixed", "unclassified",
        ]
    }

    static func aggregateCells(_ a: UnitPeriodAggregate, period: ReportPeriod) -> [Cell] {
        var cells: [Cell] = [.text(a.unit), .text(a.period)]
        if period == .week { cells.append(.text(ReportPeriod.isoWeek(ofDay: a.period))) }
        let s = a.nps
        cells += [
            .int(a.responses), .int(s.n), .int(s.promoters), .int(s.passives), .int(s.detractors),
            .decimal(s.promoterShare, digits: 3), .decimal(s.passiveShare, digits: 3),
            .decimal(s.detractorShare, digits: 3), .decimal(s.nps, digits: 1), .decimal(s.standardError, digits: 1),
            .decimal(s.margin95, digits: 1), .decimal(s.interval95?.lowerBound, digits: 1),
            .decimal(s.interval95?.upperBound, digits: 1), .bool(s.isSmallSample),
        ]
        cells += [Sentiment.positive, .negative, .neutral, .mixed].map { .int(a.sentiment[$0] ?? 0) }
        cells.append(.int(a.unclassified))
        return cells
    }

    static func topicCountColumns(_ period: ReportPeriod) -> [String] {
        ["unit"] + (period == .month ? ["month"] : ["week_start", "iso_week"])
            + ["topic", "topic_name", "praise", "criticism", "suggestion", "responses"]
    }

    static let impactColumns = ["topic", "topic_name", "n", "critics", "n_without", "nps_all", "nps_without", "impact"]

    static func impactCells(_ i: TopicImpact) -> [Cell] {
        [
            .text(i.topic.rawValue), .text(i.topic.finnishName), .int(i.all.n), .int(i.critics.n),
            .int(i.withoutCritics.n), .decimal(i.all.nps, digits: 1), .decimal(i.withoutCritics.nps, digits: 1),
            .decimal(i.impact, digits: 1),
        ]
    }
}

/// One table written to `<name>.csv` and/or `<name>.jsonl`.
final class TableOutput {
    private var lanes: [SinkLane] = []
    private var pending: [[Cell]] = []
    /// Rows handed to the writers at a time.
    static let batchSize = 512

    init(_ directory: URL, _ name: String, _ formats: Set<ExportOptions.Format>, into summary: inout ExportSummary) throws {
        for format in ExportOptions.Format.allCases where formats.contains(format) {
            let url = directory.appendingPathComponent("\(name).\(format.rawValue)")
            let file = try OutputFile(url: url)
            switch format {
            case .csv: lanes.append(SinkLane(try CSVSink(file: file), name: url.lastPathComponent))
            case .jsonl: lanes.append(SinkLane(JSONLinesSink(file: file), name: url.lastPathComponent))
            }
            summary.files.append(url)
        }
    }

    func header(_ columns: [String]) throws { for lane in lanes { try lane.header(columns) } }

    func row(_ cells: [Cell]) throws {
        pending.append(cells)
        if pending.count >= Self.batchSize { try handOver() }
    }

    func finish() throws {
        try handOver()
        var first: Error?
        for lane in lanes {
            do { try lane.finish() } catch { if first == nil { first = error } }
        }
        if let first { throw first }
    }

    private func handOver() throws {
        guard !pending.isEmpty else { return }
        let batch = pending
        pending.removeAll(keepingCapacity: true)
        for lane in lanes { try lane.submit(batch) }
    }
}

/// One format of one table, formatted and written on a thread of its own: the CSV and the JSON Lines file of a
/// table are written side by side while the database is read (formatting was most of an export's time, on one
/// core). At most a few batches wait, so memory stays flat; the first error is reported by the next call.
private final class SinkLane: @unchecked Sendable {
    private var sink: any TableSink
    private let queue: DispatchQueue
    private let slots = DispatchSemaphore(value: 4)
    private var error: Error?

    init(_ sink: any TableSink, name: String) {
        self.sink = sink
        queue = DispatchQueue(label: "palaute.export.\(name)")
    }

    func header(_ columns: [String]) throws {
        try queue.sync { try sink.header(columns) }
    }

    func submit(_ batch: [[Cell]]) throws {
        if let e = queue.sync(execute: { error }) { throw e }
        slots.wait()
        queue.async { [self] in
            defer { slots.signal() }
            guard error == nil else { return }
            do {
                for cells in batch { try sink.row(cells) }
            } catch {
                self.error = error
            }
        }
    }

    func finish() throws {
        try queue.sync {
            if let e = error { throw e }
            try sink.finish()
        }
    }
}

extension FileManager {
    /// Creates `url` (and parents) with mode 0700 when missing: exports may hold personal data.
    func createPrivateDirectory(at url: URL) throws {
        var isDir: ObjCBool = false
        if fileExists(atPath: url.path, isDirectory: &isDir), isDir.boolValue { return }
        do {
            try createDirectory(at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw ReportError.cannotCreateDirectory(path: url.path, reason: error.localizedDescription)
        }
    }
}
