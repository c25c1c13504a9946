import Foundation
import GRDB
import PalauteClassify
import Testing
@testable import PalauteStore

/// The writer alone, without the classifier: `PALAUTE_BENCH_WRITER=N swift test -c release --filter
/// WriterBenchmark` stores N synthetic classifications in chunks of 2,000 (one transaction each) by the set-based
/// path and by the one-by-one path, and prints responses per second (docs/bench-store2.md). Without the variable
/// it runs on 300 responses and only checks that both paths store the same counts.
@Suite struct WriterBenchmarkTests {
    static let count = Int(ProcessInfo.processInfo.environment["PALAUTE_BENCH_WRITER"] ?? "") ?? 300

    /// Two topics, three evidence spans, a flag on every tenth and a detractor score on every fifth response.
    static func classification(_ i: Int) -> Classification {
        let topics = [
            TopicLabel(topic: Topic.allCases[i % Topic.allCases.count], label: .criticism),
            TopicLabel(topic: .staffManner, label: i % 3 == 0 ? .praise : .suggestion),
        ]
        let flags: [Flag] = i % 10 == 0 ? [.contactRequest] : []
        var evidence = topics.map {
            Evidence(target: "topic:\($0.topic.rawValue):\($0.label.rawValue)", start: 0, end: 8, text: "sana \(i)",
                     rule: "lexicon", source: "topics.tsv:\(i % 200)")
        }
        evidence.append(Evidence(target: "sentiment", start: 10, end: 14, text: "ei", rule: "negation"))
        let score = i % 5 == 0 ? 3 : 9
        return Classification(
            lang: .fi, sentiment: Sentiment(labels: topics), topics: topics, flags: flags,
            followUp: FollowUpRule.applies(score: score, topics: topics, flags: flags), nps: NPSCategory(score: score),
            confidence: 0.8, mismatch: false, evidence: evidence, lexiconVersion: "bench")
    }

    /// Stores `count` responses and returns (seconds, results, cases).
    func measure(batched: Bool, count: Int) throws -> (Double, Int, Int) {
        let dir = try TemporaryDirectory()
        let store = try PalauteDatabase(path: dir.path("w.sqlite"))
        try store.pool.write { db in
            try db.execute(sql: """
                INSERT INTO ingest_batch (source, file_name, file_path, checksum, format, encoding, started_at)
                VALUES ('s', 'f', '/f', 'c', 'csv', 'utf-8', '2026-01-01 00:00:00.000');
                WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < \(count))
                INSERT INTO response (source, external_id, unit, received_at, score, text, content_hash,
                                      ingest_batch_id, updated_at)
                SELECT 's', 'r' || i, 'Yksikkö ' || (i % 7), '2026-01-01 00:00:00.000', CASE WHEN i % 5 = 0 THEN 3 ELSE 9 END,
                       'teksti ' || i, 'h' || i, 1, '2026-01-01 00:00:00.000' FROM n;
                """)
        }
        let queue = FollowUpQueue()
        let now = Date()
        let start = ContinuousClock.now
        var first: Int64 = 1
        while first <= Int64(count) {
            let ids = Array(first..<min(first + 2_000, Int64(count) + 1))
            first += 2_000
            try store.pool.write { db in
                let classifications = ids.map { Self.classification(Int($0 - 1)) }
                if batched {
                    let items = ids.indices.map {
                        ResultRecord.BatchItem(classification: classifications[$0], responseID: ids[$0],
                                               contentHash: "h\(ids[$0] - 1)", redactedText: "teksti")
                    }
                    let stored = try ResultRecord.storeBatch(items, runID: nil, at: now, in: db)
                    let candidates = ids.indices.filter { FollowUpQueue.priority(for: classifications[$0]) != nil }.map {
                        FollowUpQueue.BatchItem(result: stored[$0], classification: classifications[$0],
                                                unit: "Yksikkö", score: 3)
                    }
                    _ = try queue.refreshBatch(candidates, at: now, in: db)
                } else {
                    for (k, id) in ids.enumerated() {
                        let stored = try ResultRecord.store(
                            classifications[k], responseID: id, contentHash: "h\(id - 1)", runID: nil,
                            redactedText: "teksti", at: now, in: db)
                        if FollowUpQueue.priority(for: classifications[k]) != nil {
                            try queue.refresh(responseID: id, result: stored, classification: classifications[k],
                                              unit: "Yksikkö", score: 3, at: now, in: db)
                        }
                    }
                }
            }
        }
        let d = ContinuousClock.now - start
        let seconds = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
        let counts = try store.pool.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM result")!,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM followup_case")!)
        }
        return (seconds, counts.0, counts.1)
    }

    @Test func setBasedWriterKeepsUpAndStoresWhatTheOneByOnePathStores() throws {
        let n = Self.count
        let (batchSeconds, batchResults, batchCases) = try measure(batched: true, count: n)
        // The one-by-one path is slow: measure it on at most 20,000 responses.
        let m = min(n, 20_000)
        let (singleSeconds, singleResults, singleCases) = try measure(batched: false, count: m)
        print(String(format: "writer benchmark: set-based %d responses in %.2f s = %.0f/s; one-by-one %d in %.2f s = %.0f/s",
                     n, batchSeconds, Double(n) / batchSeconds, m, singleSeconds, Double(m) / singleSeconds))
        #expect(batchResults == n)
        #expect(singleResults == m)
        #expect(batchCases > 0)
        if n == m { #expect(batchCases == singleCases) }
    }
}
