import Foundation
import GRDB
import PalauteClassify
import Testing
@testable import PalauteStore

/// The set-based writer (`ResultRecord.storeBatch` + `FollowUpQueue.refreshBatch`) must leave exactly the rows the
/// one-response-at-a-time path (`ResultRecord.store` + `FollowUpQueue.refresh`) leaves.
@Suite struct BatchWriterTests {
    /// Six responses: a safety flag, a contact request and complaint, praise only, no score and no labels, a text
    /// changed after it was read (its hash differs from what was classified), and a label with LLM provenance.
    private func makeResponses(_ db: Database) throws -> [ResponseRecord] {
        var batch = IngestBatchRecord(
            source: "s", fileName: "f", filePath: "/f", checksum: "c", format: "csv", encoding: "utf-8",
            startedAt: Date(timeIntervalSince1970: 1_790_000_000))
        try batch.insert(db)
        var out: [ResponseRecord] = []
        for (i, score) in [2, 5, 10, nil, 3, 1].enumerated() {
            var r = ResponseRecord(
                source: "s", externalID: "r\(i)", unit: "Yksikkö \(i % 2)", receivedAt: Date(timeIntervalSince1970: 0),
                score: score, text: "teksti \(i)", contentHash: i == 4 ? "changed" : "h\(i)",
                ingestBatchID: batch.id!, updatedAt: Date(timeIntervalSince1970: 0))
            try r.insert(db)
            out.append(r)
        }
        return out
    }

    private func classification(_ i: Int, version: String, score: Int?) -> Classification {
        var topics: [TopicLabel] = []
        var flags: [Flag] = []
        var evidence: [Evidence] = []
        var provenance: [String: Provenance] = [:]
        switch i {
        case 0:
            topics = [TopicLabel(topic: .medication, label: .criticism), TopicLabel(topic: .waiting, label: .criticism)]
            flags = [.safety]
            evidence = [
                Evidence(target: "topic:medication:criticism", start: 0, end: 5, text: "väärä", rule: "r1",
                         source: "topics.tsv:3"),
                Evidence(target: "flag:safety", start: 0, end: 11, text: "väärä lääke", rule: "r2"),
                Evidence(target: "sentiment", start: 12, end: 14, text: "ei", rule: "neg"),
            ]
        case 1:
            topics = [TopicLabel(topic: .staffManner, label: .criticism)]
            if version == "v2" { topics.append(TopicLabel(topic: .communication, label: .criticism)) }
            flags = [.contactRequest, .formalComplaint]
            evidence = [Evidence(target: "flag:contact_request", start: 3, end: 9, text: "soitta", rule: "r3")]
        case 2:
            topics = [TopicLabel(topic: .staffManner, label: .praise)]
            evidence = [Evidence(target: "topic:staff_manner:praise", start: 0, end: 4, text: "kiva", rule: "r4")]
        case 5:
            topics = [TopicLabel(topic: .access, label: .suggestion), TopicLabel(topic: .waiting, label: .criticism)]
            provenance["topic:access:suggestion"] = Provenance(source: .llm, model: "m1")
        default:
            if version == "v2" { topics = [TopicLabel(topic: .waiting, label: .criticism)] }
        }
        return Classification(
            lang: .fi, sentiment: Sentiment(labels: topics), topics: topics, flags: flags,
            followUp: FollowUpRule.applies(score: score, topics: topics, flags: flags), nps: NPSCategory(score: score),
            confidence: 0.5 + Double(i) / 10, mismatch: i == 2, evidence: evidence, lexiconVersion: version,
            provenance: provenance)
    }

    /// Stores one version for all responses, by the batch path or one by one.
    private func storeVersion(_ version: String, batched: Bool, at now: Date, in db: Database) throws {
        let responses = try ResponseRecord.order(ResponseRecord.Columns.id).fetchAll(db)
        let queue = FollowUpQueue()
        let hashes = responses.map { $0.externalID == "r4" ? "classified-before-change" : $0.contentHash }
        let classifications = responses.enumerated().map { classification($0, version: version, score: $1.score) }
        if batched {
            let items = responses.indices.map {
                ResultRecord.BatchItem(classification: classifications[$0], responseID: responses[$0].id!,
                                       contentHash: hashes[$0], redactedText: "[\(responses[$0].text)]")
            }
            let stored = try ResultRecord.storeBatch(items, runID: nil, modelVersion: "none", at: now, in: db)
            let candidates = responses.indices.map {
                FollowUpQueue.BatchItem(result: stored[$0], classification: classifications[$0],
                                        unit: responses[$0].unit, score: responses[$0].score)
            }
            _ = try queue.refreshBatch(candidates, at: now, in: db)
        } else {
            for i in responses.indices {
                let stored = try ResultRecord.store(
                    classifications[i], responseID: responses[i].id!, contentHash: hashes[i], runID: nil,
                    redactedText: "[\(responses[i].text)]", at: now, in: db)
                try queue.refresh(responseID: responses[i].id!, result: stored, classification: classifications[i],
                                  unit: responses[i].unit, score: responses[i].score, at: now, in: db)
            }
        }
    }

    /// Every row of every table the writers touch (event ids left out: only their order within a case counts).
    private func dump(_ db: Database) throws -> [String] {
        var out: [String] = []
        for (table, order) in [
            ("result", "id"), ("topic_mention", "id"), ("result_flag", "id"), ("evidence", "id"),
            ("followup_case", "id"), ("followup_state", "case_id"), ("response", "id"),
        ] {
            for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY \(order)") {
                out.append("\(table) \(row)")
            }
        }
        for row in try Row.fetchAll(db, sql: "SELECT case_id, at, by, kind, detail FROM followup_event ORDER BY case_id, id") {
            out.append("followup_event \(row)")
        }
        out.append(try String.fetchOne(db, sql: "SELECT group_concat(name || '=' || seq) FROM sqlite_sequence") ?? "")
        return out
    }

    private func run(batched: Bool, steps: (Database) throws -> Void) throws -> [String] {
        let dir = try TemporaryDirectory()
        let store = try PalauteDatabase(path: dir.path("p.sqlite"))
        return try store.pool.write { db in
            _ = try makeResponses(db)
            try steps(db)
            return try dump(db)
        }
    }

    @Test func firstClassificationWritesTheSameRowsAsOneByOne() throws {
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        let single = try run(batched: false) { try storeVersion("v1", batched: false, at: now, in: $0) }
        let batched = try run(batched: true) { try storeVersion("v1", batched: true, at: now, in: $0) }
        #expect(single.contains { $0.hasPrefix("evidence") && $0.contains("flag:safety") })
        #expect(single.filter { $0.hasPrefix("followup_case") }.count == 3)
        #expect(batched == single)
    }

    @Test func reclassificationKeepsHistoryAndPeoplesWorkLikeOneByOne() throws {
        let t1 = Date(timeIntervalSince1970: 1_790_000_000)
        let t2 = Date(timeIntervalSince1970: 1_790_100_000)
        func steps(batched: Bool) -> (Database) throws -> Void {
            { db in
                try storeVersion("v1", batched: false, at: t1, in: db)
                // A person works on the first case.
                try db.execute(sql: """
                    UPDATE followup_state SET status = 'in_progress', assignee = 'anna', notes = 'soitettu'
                    WHERE case_id = (SELECT min(id) FROM followup_case)
                    """)
                try storeVersion("v2", batched: batched, at: t2, in: db)
                // The same version again replaces its own result and keeps v1 as history.
                try storeVersion("v2", batched: batched, at: t2, in: db)
            }
        }
        let single = try run(batched: false, steps: steps(batched: false))
        let batched = try run(batched: true, steps: steps(batched: true))
        #expect(single.contains { $0.contains("assignee:\"anna\"") })
        #expect(single.contains { $0.hasPrefix("followup_event") && $0.contains("refreshed") })
        #expect(single.filter { $0.hasPrefix("result ") }.count == 12)
        #expect(batched == single)
    }

    @Test func batchIdsContinueAfterDeletedRows() throws {
        let dir = try TemporaryDirectory()
        let store = try PalauteDatabase(path: dir.path("p.sqlite"))
        try store.pool.write { db in
            _ = try makeResponses(db)
            let now = Date(timeIntervalSince1970: 1_790_000_000)
            try storeVersion("v1", batched: true, at: now, in: db)
            let maxBefore = try Int64.fetchOne(db, sql: "SELECT max(id) FROM result")!
            // Removing the newest results must not let their ids be given again (AUTOINCREMENT semantics).
            try db.execute(sql: "DELETE FROM result WHERE id > ?", arguments: [maxBefore - 2])
            try storeVersion("v2", batched: true, at: now, in: db)
            let minNew = try Int64.fetchOne(db, sql: "SELECT min(id) FROM result WHERE lexicon_version = 'v2'")!
            #expect(minNew == maxBefore + 1)
        }
    }
}
