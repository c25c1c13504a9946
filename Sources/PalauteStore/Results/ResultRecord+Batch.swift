import Foundation
import GRDB
import PalauteClassify

extension ResultRecord {
    /// One classified response for `storeBatch`.
    public struct BatchItem: Sendable {
        public var classification: Classification
        public var responseID: Int64
        /// The response's hash when it was read for classification.
        public var contentHash: String
        public var redactedText: String

        public init(classification: Classification, responseID: Int64, contentHash: String, redactedText: String) {
            self.classification = classification
            self.responseID = responseID
            self.contentHash = contentHash
            self.redactedText = redactedText
        }
    }

    /// Stores the classifications of a chunk of distinct responses: the same rows as calling `store` for each,
    /// in a handful of statements.
    ///
    /// Responses without any earlier result (the common case: new responses) cost no look-up beyond one
    /// set-based query for the whole chunk; earlier results become history (`is_current = 0`) and a result of
    /// the same versions is replaced, as in `store`. Rows go in through multi-row INSERTs with ids allocated
    /// from the table's AUTOINCREMENT counter (so ids are never reused, as with single inserts), which lets
    /// evidence point at its mention or flag without reading ids back. Call inside a write transaction; the
    /// returned records are in the order of `items`.
    public static func storeBatch(
        _ items: [BatchItem], runID: Int64?, modelVersion: String = "none", at date: Date = Date(), in db: Database
    ) throws -> [ResultRecord] {
        guard !items.isEmpty else { return [] }
        let ids = items.map(\.responseID)
        precondition(Set(ids).count == ids.count, "storeBatch: a response appears twice in one chunk")

        // Earlier results of these responses, in one query.
        let idList = "[" + ids.map(String.init).joined(separator: ",") + "]"
        var earlier: [Int64: [String]] = [:]
        let priorRows = try Row.fetchCursor(db, sql: """
            SELECT response_id, lexicon_version || char(31) || model_version FROM result
            WHERE response_id IN (SELECT value FROM json_each(?))
            """, arguments: [idList])
        while let row = try priorRows.next() { earlier[row[0], default: []].append(row[1]) }
        if !earlier.isEmpty {
            let withHistory = "[" + earlier.keys.map(String.init).joined(separator: ",") + "]"
            try db.execute(sql: """
                UPDATE result SET is_current = 0
                WHERE is_current = 1 AND response_id IN (SELECT value FROM json_each(?))
                """, arguments: [withHistory])
            let delete = try db.cachedStatement(
                sql: "DELETE FROM result WHERE response_id = ? AND lexicon_version = ? AND model_version = ?")
            for item in items {
                let key = item.classification.lexiconVersion + "\u{1F}" + modelVersion
                if earlier[item.responseID]?.contains(key) == true {
                    try delete.execute(arguments: [item.responseID, item.classification.lexiconVersion, modelVersion])
                }
            }
        }

        let dateText = String.fromDatabaseValue(date.databaseValue) ?? ""
        var nextResult = try nextID(of: "result", in: db)
        var nextMention = try nextID(of: "topic_mention", in: db)
        var nextFlag = try nextID(of: "result_flag", in: db)
        let results = BulkInsert(db, table: "result", columns: [
            "id", "response_id", "run_id", "lexicon_version", "model_version", "content_hash", "lang", "sentiment",
            "nps", "confidence", "mismatch", "follow_up", "is_current", "redacted_text", "created_at",
        ])
        let mentions = BulkInsert(
            db, table: "topic_mention", columns: ["id", "result_id", "topic", "label", "provenance", "model"],
            rowsPerStatement: 128)
        let flags = BulkInsert(
            db, table: "result_flag", columns: ["id", "result_id", "flag", "provenance", "model"],
            rowsPerStatement: 128)
        let evidence = BulkInsert(db, table: "evidence", columns: [
            "result_id", "mention_id", "flag_id", "target", "start_offset", "end_offset", "text", "rule", "source",
        ], rowsPerStatement: 128)

        var stored: [ResultRecord] = []
        stored.reserveCapacity(items.count)
        var targetIDs: [String: (mention: Int64?, flag: Int64?)] = [:]
        for item in items {
            let c = item.classification
            let resultID = nextResult
            nextResult += 1
            let record = ResultRecord(
                id: resultID, responseID: item.responseID, runID: runID, lexiconVersion: c.lexiconVersion,
                modelVersion: modelVersion, contentHash: item.contentHash, lang: c.lang.rawValue,
                sentiment: c.sentiment.rawValue, nps: c.nps?.rawValue, confidence: c.confidence, mismatch: c.mismatch,
                followUp: c.followUp, isCurrent: true, redactedText: item.redactedText, createdAt: date)
            results.add(
                .int(resultID), .int(item.responseID), SQLValue(runID), .text(record.lexiconVersion),
                .text(modelVersion), .text(item.contentHash), .text(record.lang), .text(record.sentiment),
                SQLValue(record.nps), .real(record.confidence), SQLValue(record.mismatch), SQLValue(record.followUp),
                .int(1), .text(item.redactedText), .text(dateText))
            stored.append(record)

            targetIDs.removeAll(keepingCapacity: true)
            for t in Set(c.topics).sorted() {
                let target = "topic:\(t.topic.rawValue):\(t.label.rawValue)"
                let p = c.provenance[target] ?? .lexicon
                let id = nextMention
                nextMention += 1
                mentions.add(
                    .int(id), .int(resultID), .text(t.topic.rawValue), .text(t.label.rawValue),
                    .text(p.source.rawValue), SQLValue(p.model))
                targetIDs[target] = (id, nil)
            }
            for f in Set(c.flags).sorted() {
                let target = "flag:\(f.rawValue)"
                let p = c.provenance[target] ?? .lexicon
                let id = nextFlag
                nextFlag += 1
                flags.add(.int(id), .int(resultID), .text(f.rawValue), .text(p.source.rawValue), SQLValue(p.model))
                targetIDs[target] = (nil, id)
            }
            for e in c.evidence {
                let ids = targetIDs[e.target]
                evidence.add(
                    .int(resultID), SQLValue(ids?.mention ?? nil), SQLValue(ids?.flag ?? nil), .text(e.target),
                    .int(Int64(e.start)), .int(Int64(e.end)), .text(e.text), .text(e.rule), SQLValue(e.source))
            }
        }
        // Parents before children: the foreign keys are checked as each statement runs.
        try results.flush()
        try mentions.flush()
        try flags.flush()
        try evidence.flush()

        let clear = try RawStatement(
            db, sql: "UPDATE response SET needs_classification = 0 WHERE id = ? AND content_hash = ?")
        for item in items {
            clear.bind(1, item.responseID)
            clear.bind(2, item.contentHash)
            try clear.run()
        }
        return stored
    }

    /// The next id AUTOINCREMENT would give in `table`: above every id it ever gave, so none is reused.
    static func nextID(of table: String, in db: Database) throws -> Int64 {
        let seq = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = ?", arguments: [table]) ?? 0
        let max = try Int64.fetchOne(db, sql: "SELECT max(id) FROM \(table)") ?? 0
        return Swift.max(seq, max) + 1
    }
}
