import GRDB
import PalauteClassify

/// A response with its current result, flattened for exports and aggregates.
struct StoredResponse: Sendable {
    var id: Int64
    var source: String
    var externalID: String
    var channel: String?
    var unit: String?
    var service: String?
    var visitedOn: String?
    /// The day the response counts for: the visit date, else the day it was received (as in the SQL views).
    var day: String?
    var score: Int?
    /// Unredacted: only for `--include-pii` exports.
    var text: String
    var resultID: Int64?
    var lang: String?
    var sentiment: Sentiment?
    var confidence: Double?
    var mismatch: Bool
    var followUp: Bool
    var lexiconVersion: String?
    var modelVersion: String?
    /// The current result's redacted text; nil when the response has not been classified.
    var redactedText: String?
    var topics: [TopicLabel]
    var flags: [Flag]

    var npsCategory: NPSCategory? { NPSCategory(score: score) }

    /// Every response with its current result (if any), in id order, streamed.
    static let sql = """
        SELECT r.id, r.source, r.external_id, r.channel, r.unit, r.service, r.visited_on,
            coalesce(r.visited_on, date(r.received_at)) AS day, r.score, r.text,
            res.id AS result_id, res.lang, res.sentiment, res.confidence, res.mismatch, res.follow_up,
            res.lexicon_version, res.model_version, res.redacted_text,
            (SELECT group_concat(tm.topic || ':' || tm.label, ' ') FROM topic_mention tm WHERE tm.result_id = res.id)
                AS topics,
            (SELECT group_concat(f.flag, ' ') FROM result_flag f WHERE f.result_id = res.id) AS flags
        FROM response r
        LEFT JOIN result res ON res.response_id = r.id AND res.is_current = 1
        ORDER BY r.id
        """
}

extension StoredResponse {
    init(row: Row) {
        id = row["id"]
        source = row["source"]
        externalID = row["external_id"]
        channel = row["channel"]
        unit = row["unit"]
        service = row["service"]
        visitedOn = row["visited_on"]
        day = row["day"]
        score = row["score"]
        text = row["text"]
        resultID = row["result_id"]
        lang = row["lang"]
        sentiment = (row["sentiment"] as String?).flatMap(Sentiment.init(rawValue:))
        confidence = row["confidence"]
        mismatch = row["mismatch"] ?? false
        followUp = row["follow_up"] ?? false
        lexiconVersion = row["lexicon_version"]
        modelVersion = row["model_version"]
        redactedText = row["redacted_text"]
        topics = ((row["topics"] as String?) ?? "").split(separator: " ").compactMap { pair in
            let parts = pair.split(separator: ":")
            guard parts.count == 2, let t = Topic(rawValue: String(parts[0])),
                  let l = MentionLabel(rawValue: String(parts[1])) else { return nil }
            return TopicLabel(topic: t, label: l)
        }.sorted()
        flags = ((row["flags"] as String?) ?? "").split(separator: " ").compactMap { Flag(rawValue: String($0)) }.sorted()
    }

    /// Streams every response to `body` inside the caller's read transaction.
    static func forEach(in db: Database, _ body: (StoredResponse) throws -> Void) throws {
        let cursor = try Row.fetchCursor(db, sql: sql)
        while let row = try cursor.next() { try body(StoredResponse(row: row)) }
    }
}
