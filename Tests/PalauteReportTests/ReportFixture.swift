import Foundation
import GRDB
import PalauteClassify
import PalauteStore

/// A fresh directory under the system temp dir, removed when the value goes away.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("palaute-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func read(_ name: String) throws -> String { try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8) }

    deinit { try? FileManager.default.removeItem(at: url) }
}

/// A database with responses and hand-made classifications, as the classifier would store them.
final class ReportFixture {
    let dir: TemporaryDirectory
    let store: PalauteDatabase
    let batchID: Int64
    private var next = 0

    var out: URL { dir.url.appendingPathComponent("out") }

    init() throws {
        dir = try TemporaryDirectory()
        store = try PalauteDatabase(path: dir.path("p.sqlite"))
        batchID = try store.pool.write { db in
            var batch = IngestBatchRecord(
                source: "kysely", fileName: "kysely.csv", filePath: "/data/kysely.csv", checksum: "c", format: "csv",
                encoding: "utf-8", startedAt: Date(), rowsRead: 0)
            try batch.insert(db)
            return batch.id!
        }
    }

    /// Adds a response; with `classified`, also a current result whose labels are `topics` and `flags`.
    @discardableResult
    func add(
        unit: String? = "Yksikkö A", day: String? = "2026-03-02", score: Int?, text: String = "",
        topics: [TopicLabel] = [], flags: [Flag] = [], mismatch: Bool = false, redacted: String? = nil,
        classified: Bool = true
    ) throws -> Int64 {
        next += 1
        let externalID = "r\(next)"
        return try store.pool.write { db in
            var r = ResponseRecord(
                source: "kysely", externalID: externalID, channel: "sms", unit: unit, service: "yleislääkäri",
                visitedOn: day, receivedAt: Date(), score: score, text: text, contentHash: "h\(externalID)",
                ingestBatchID: batchID, updatedAt: Date())
            try r.insert(db)
            if classified {
                let c = Classification(
                    lang: .fi, sentiment: Sentiment(labels: topics), topics: topics, flags: flags,
                    followUp: FollowUpRule.applies(score: score, topics: topics, flags: flags),
                    nps: NPSCategory(score: score), confidence: 0.9, mismatch: mismatch, evidence: [],
                    lexiconVersion: "test-1")
                try ResultRecord.store(
                    c, responseID: r.id!, contentHash: r.contentHash, runID: nil, redactedText: redacted ?? text, in: db)
            }
            return r.id!
        }
    }

    /// Opens a follow-up case for a response, as the nightly queue would, with a human state.
    @discardableResult
    func openCase(
        responseID: Int64, priority: FollowUpCaseRecord.Priority = .normal, due: Date?, unit: String? = "Yksikkö A",
        score: Int? = 3, redactedText: String, status: FollowUpStateRecord.Status = .new,
        topics: String = #"[{"topic":"waiting","label":"criticism"}]"#, flags: String = "[]"
    ) throws -> Int64 {
        try store.pool.write { db in
            var c = FollowUpCaseRecord(
                responseID: responseID, openedAt: Date(), priority: priority, dueAt: due, reason: "detractor criticism",
                unit: unit, score: score, nps: NPSCategory(score: score)?.rawValue, sentiment: "negative", flags: flags,
                topics: topics, redactedText: redactedText, updatedAt: Date())
            try c.insert(db)
            try FollowUpStateRecord(caseID: c.id!, status: status, updatedAt: Date()).insert(db)
            return c.id!
        }
    }
}

/// Splits RFC 4180 CSV with `;` (after the BOM) into records, for checking what Excel would read.
func parseCSV(_ text: String) -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var inQuotes = false
    var chars = Array(text.unicodeScalars)
    if chars.first == "\u{FEFF}" { chars.removeFirst() }
    var i = 0
    while i < chars.count {
        let c = chars[i]
        if inQuotes {
            if c == "\"" {
                if i + 1 < chars.count && chars[i + 1] == "\"" { field.unicodeScalars.append("\""); i += 1 } else { inQuotes = false }
            } else {
                field.unicodeScalars.append(c)
            }
        } else if c == "\"" {
            inQuotes = true
        } else if c == ";" {
            record.append(field); field = ""
        } else if c == "\r" && i + 1 < chars.count && chars[i + 1] == "\n" {
            record.append(field); field = ""
            records.append(record); record = []
            i += 1
        } else {
            field.unicodeScalars.append(c)
        }
        i += 1
    }
    if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
    return records
}

/// Records as dictionaries keyed by the header row.
func csvRecords(_ text: String) -> [[String: String]] {
    let rows = parseCSV(text)
    guard let header = rows.first else { return [] }
    return rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
}
