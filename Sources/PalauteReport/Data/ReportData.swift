import Foundation
import GRDB
import PalauteClassify
import PalauteStore

/// Everything the HTML report shows, read from one snapshot of the database.
struct ReportData: Sendable {
    struct Mismatch: Sendable {
        var unit: String?
        var day: String?
        var score: Int?
        var sentiment: Sentiment?
        var topics: [TopicLabel]
        var redactedText: String
    }

    struct Health: Sendable {
        var lastRun: NightlyRunRecord?
        var lastClassification: ClassificationRunRecord?
        var responses = 0
        var classified = 0
        var pending = 0
        var batches = 0
        var rowsRead = 0
        var rejectedRows = 0
        var lastBatch: IngestBatchRecord?
        var llmResults = 0
        var llmMentions = 0
        var llmCacheEntries = 0
        var llmRequestsTotal = 0
    }

    var aggregates: Aggregates
    var followUps: [FollowUpRow]
    var mismatches: [Mismatch]
    var mismatchCount: Int
    var health: Health
    var firstDay: String?
    var lastDay: String?

    static let mismatchLimit = 100

    /// Loads the report's data; `aggregates` may come from an export that just streamed the same snapshot.
    static func load(_ db: Database, aggregates known: Aggregates? = nil) throws -> ReportData {
        var aggregates = known ?? Aggregates()
        if known == nil { try StoredResponse.forEach(in: db) { aggregates.add($0) } }
        let followUps = try FollowUpRow.fetchAll(db, openOnly: true)
        let mismatchRows = try Row.fetchAll(db, sql: """
            SELECT r.unit, coalesce(r.visited_on, date(r.received_at)) AS day, r.score, res.sentiment, res.redacted_text,
                (SELECT group_concat(tm.topic || ':' || tm.label, ' ') FROM topic_mention tm WHERE tm.result_id = res.id) AS topics
            FROM result res JOIN response r ON r.id = res.response_id
            WHERE res.is_current = 1 AND res.mismatch = 1
            ORDER BY day DESC, r.id DESC LIMIT \(mismatchLimit)
            """)
        let mismatches = mismatchRows.map { row in
            Mismatch(
                unit: row["unit"], day: row["day"], score: row["score"],
                sentiment: (row["sentiment"] as String?).flatMap(Sentiment.init(rawValue:)),
                topics: ((row["topics"] as String?) ?? "").split(separator: " ").compactMap { pair in
                    let p = pair.split(separator: ":")
                    guard p.count == 2, let t = Topic(rawValue: String(p[0])), let l = MentionLabel(rawValue: String(p[1]))
                    else { return nil }
                    return TopicLabel(topic: t, label: l)
                }.sorted(),
                redactedText: row["redacted_text"])
        }
        let mismatchCount = try Int.fetchOne(db, sql: "SELECT count(*) FROM result WHERE is_current = 1 AND mismatch = 1") ?? 0

        var h = Health()
        h.lastRun = try NightlyRunRecord.order(NightlyRunRecord.Columns.id.desc).fetchOne(db)
        h.lastClassification = try ClassificationRunRecord.order(ClassificationRunRecord.Columns.id.desc).fetchOne(db)
        h.responses = try ResponseRecord.fetchCount(db)
        h.classified = try ResultRecord.filter(ResultRecord.Columns.isCurrent == true).fetchCount(db)
        h.pending = try ResponseRecord.filter(ResponseRecord.Columns.needsClassification == true).fetchCount(db)
        h.batches = try IngestBatchRecord.fetchCount(db)
        h.rowsRead = try Int.fetchOne(db, sql: "SELECT coalesce(sum(rows_read), 0) FROM ingest_batch") ?? 0
        h.rejectedRows = try RejectedRowRecord.fetchCount(db)
        h.lastBatch = try IngestBatchRecord.order(IngestBatchRecord.Columns.id.desc).fetchOne(db)
        h.llmResults = try Int.fetchOne(db, sql: "SELECT count(*) FROM result WHERE is_current = 1 AND model_version <> 'none'") ?? 0
        h.llmMentions = try Int.fetchOne(db, sql: """
            SELECT count(*) FROM topic_mention tm JOIN result res ON res.id = tm.result_id AND res.is_current = 1
            WHERE tm.provenance = 'llm'
            """) ?? 0
        h.llmCacheEntries = try Int.fetchOne(db, sql: "SELECT count(*) FROM llm_cache") ?? 0
        h.llmRequestsTotal = try Int.fetchOne(db, sql: "SELECT coalesce(sum(llm_requests), 0) FROM classification_run") ?? 0

        let range = try Row.fetchOne(db, sql: """
            SELECT min(coalesce(visited_on, date(received_at))) AS first, max(coalesce(visited_on, date(received_at))) AS last
            FROM response
            """)
        return ReportData(
            aggregates: aggregates, followUps: followUps, mismatches: mismatches, mismatchCount: mismatchCount,
            health: h, firstDay: range?["first"], lastDay: range?["last"])
    }
}
