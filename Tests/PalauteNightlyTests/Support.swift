import Foundation
import GRDB
import PalauteClassify
import PalauteNightly
import PalauteStore

/// A fresh directory under the system temp dir, removed when the value goes away.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("palaute-nightly-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    @discardableResult
    func write(_ name: String, _ contents: String) throws -> URL {
        let u = url.appendingPathComponent(name)
        try Data(contents.utf8).write(to: u)
        return u
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}

/// A classifier double with a few word rules, so tests control exactly which responses reach follow-up.
/// `safetyWords` lets a test "change the lexicon" so that a text gains the safety flag.
struct WordRuleClassifier: ResponseClassifying {
    var lexiconVersion: String
    var safetyWords: [String] = ["väärä lääke"]
    /// Throw when asked to classify a response with this id (simulates a crash mid-run).
    var failOnID: Int64?

    struct Boom: Error {}

    func classify(_ batch: [PendingResponse]) throws -> [ClassifiedResponse] {
        try batch.map { item in
            if item.id == failOnID { throw Boom() }
            let t = item.text.lowercased()
            var topics: [TopicLabel] = []
            var flags: [Flag] = []
            if t.contains("odot") { topics.append(TopicLabel(topic: .waiting, label: .criticism)) }
            if t.contains("ystävällinen") { topics.append(TopicLabel(topic: .staffManner, label: .praise)) }
            if t.contains("töykeä") { topics.append(TopicLabel(topic: .staffManner, label: .criticism)) }
            if safetyWords.contains(where: t.contains) { flags.append(.safety) }
            if t.contains("soittakaa") { flags.append(.contactRequest) }
            let c = Classification(
                lang: .fi, sentiment: Sentiment(labels: topics), topics: topics, flags: flags,
                followUp: FollowUpRule.applies(score: item.score, topics: topics, flags: flags),
                nps: NPSCategory(score: item.score), confidence: 0.9, mismatch: false, evidence: [],
                lexiconVersion: lexiconVersion)
            return ClassifiedResponse(classification: c, redactedText: item.text.replacingOccurrences(
                of: "040 123 4567", with: "[PUHELIN]"))
        }
    }
}

/// A semicolon CSV export of `count` responses cycling through a few comments.
func makeExport(count: Int, idPrefix: String = "r", offset: Int = 0) -> String {
    let comments = [
        (3, "Jouduin odottamaan tunnin, eikä kukaan kertonut miksi."),
        (10, "Hoitaja oli ystävällinen ja asiantunteva."),
        (5, "Lääkäri oli töykeä. Soittakaa minulle 040 123 4567."),
        (2, "Sain väärä lääke apteekista, tämä on vakavaa."),
        (8, "Ihan ok käynti."),
        (6, "Piti odottaa, mutta lääkäri oli ystävällinen."),
        (9, "Kaikki meni hyvin, kiitos!"),
    ]
    var out = "id;unit;visited_on;score;text\n"
    for i in 0..<count {
        let (score, text) = comments[(i + offset) % comments.count]
        let unit = ["Keltakankaan terveysasema", "Kotkan hammashoitola", "Haminan poliklinikka"][i % 3]
        out += "\(idPrefix)\(i);\(unit);2026-0\(1 + i % 9)-1\(i % 10);\(score);\(text)\n"
    }
    return out
}

/// Everything an uninterrupted run decides, in a comparable form (no ids, no timestamps).
struct StoreSnapshot: Equatable {
    var responses: [String]
    var results: [String]
    var mentions: [String]
    var cases: [String]
    var pending: Int

    static func take(_ database: PalauteDatabase) throws -> StoreSnapshot {
        try database.pool.read { db in
            StoreSnapshot(
                responses: try String.fetchAll(db, sql: """
                    SELECT external_id || '|' || content_hash FROM response ORDER BY external_id
                    """),
                results: try String.fetchAll(db, sql: """
                    SELECT p.external_id || '|' || r.lexicon_version || '|' || r.sentiment || '|' || r.is_current
                        || '|' || r.follow_up || '|' || r.redacted_text
                    FROM result r JOIN response p ON p.id = r.response_id ORDER BY 1
                    """),
                mentions: try String.fetchAll(db, sql: """
                    SELECT p.external_id || '|' || m.topic || ':' || m.label
                    FROM topic_mention m JOIN result r ON r.id = m.result_id JOIN response p ON p.id = r.response_id
                    ORDER BY 1
                    """),
                cases: try String.fetchAll(db, sql: """
                    SELECT p.external_id || '|' || c.priority || '|' || c.reason || '|' || c.flags || '|' || c.topics
                        || '|' || s.status
                    FROM followup_case c JOIN response p ON p.id = c.response_id
                    JOIN followup_state s ON s.case_id = c.id ORDER BY 1
                    """),
                pending: try Int.fetchOne(db, sql: "SELECT count(*) FROM response WHERE needs_classification = 1")!)
        }
    }
}
