import Foundation
import GRDB
import PalauteClassify

extension ResultRecord {
    /// Stores a classification as the current result of a response, keeping older results as history.
    ///
    /// A result with the same lexicon and model version is replaced (with its mentions, flags and evidence);
    /// results of other versions stay with `isCurrent = false`. The response's `needs_classification` is cleared
    /// only when `contentHash` is still the response's hash, so an export that changed the response meanwhile
    /// keeps it pending. Call inside a write transaction.
    @discardableResult
    public static func store(
        _ classification: Classification, responseID: Int64, contentHash: String, runID: Int64?,
        modelVersion: String = "none", redactedText: String, at date: Date = Date(), in db: Database
    ) throws -> ResultRecord {
        try db.execute(
            sql: "UPDATE result SET is_current = 0 WHERE response_id = ? AND is_current = 1", arguments: [responseID])
        try db.execute(
            sql: "DELETE FROM result WHERE response_id = ? AND lexicon_version = ? AND model_version = ?",
            arguments: [responseID, classification.lexiconVersion, modelVersion])

        var result = ResultRecord(
            responseID: responseID, runID: runID, lexiconVersion: classification.lexiconVersion,
            modelVersion: modelVersion, contentHash: contentHash, lang: classification.lang.rawValue,
            sentiment: classification.sentiment.rawValue, nps: classification.nps?.rawValue,
            confidence: classification.confidence, mismatch: classification.mismatch,
            followUp: classification.followUp, isCurrent: true, redactedText: redactedText, createdAt: date)
        try result.insert(db)
        let resultID = result.id!

        var targetIDs: [String: (mention: Int64?, flag: Int64?)] = [:]
        for t in Set(classification.topics).sorted() {
            let target = "topic:\(t.topic.rawValue):\(t.label.rawValue)"
            let p = classification.provenance[target] ?? .lexicon
            var m = TopicMentionRecord(
                resultID: resultID, topic: t.topic.rawValue, label: t.label.rawValue,
                provenance: p.source.rawValue, model: p.model)
            try m.insert(db)
            targetIDs[target] = (m.id, nil)
        }
        for f in Set(classification.flags).sorted() {
            let target = "flag:\(f.rawValue)"
            let p = classification.provenance[target] ?? .lexicon
            var r = ResultFlagRecord(resultID: resultID, flag: f.rawValue, provenance: p.source.rawValue, model: p.model)
            try r.insert(db)
            targetIDs[target] = (nil, r.id)
        }
        for e in classification.evidence {
            let ids = targetIDs[e.target]
            var r = EvidenceRecord(
                resultID: resultID, mentionID: ids?.mention, flagID: ids?.flag, target: e.target,
                startOffset: e.start, endOffset: e.end, text: e.text, rule: e.rule, source: e.source)
            try r.insert(db)
        }
        try db.execute(
            sql: "UPDATE response SET needs_classification = 0 WHERE id = ? AND content_hash = ?",
            arguments: [responseID, contentHash])
        return result
    }
}
