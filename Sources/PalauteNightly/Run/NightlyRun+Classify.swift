import Dispatch
import Foundation
import GRDB
import Logging
import PalauteClassify
import PalauteStore

extension NightlyRun {
    /// Responses needing classification: no result for the current (lexicon, model) version, or changed since.
    static let pendingCondition = """
        (r.needs_classification = 1 OR NOT EXISTS (
            SELECT 1 FROM result s WHERE s.response_id = r.id AND s.lexicon_version = ? AND s.model_version = ?))
        """

    /// Counts what is pending (for progress and the "nothing new" answer).
    public static func pendingCount(lexiconVersion: String, modelVersion: String, in db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM response r WHERE \(pendingCondition)",
                         arguments: [lexiconVersion, modelVersion]) ?? 0
    }

    /// The next chunk of pending responses after `afterID` (keyset order, so a chunk is never read twice).
    static func fetchPending(after afterID: Int64, limit: Int, lexiconVersion: String, modelVersion: String,
                             in db: Database) throws -> [(PendingResponse, hasCase: Bool)] {
        let rows = try Row.fetchCursor(db, sql: """
            SELECT r.id, r.text, r.score, r.content_hash, r.unit,
                   EXISTS (SELECT 1 FROM followup_case c WHERE c.response_id = r.id) AS has_case
            FROM response r
            WHERE r.id > ? AND \(pendingCondition)
            ORDER BY r.id LIMIT ?
            """, arguments: [afterID, lexiconVersion, modelVersion, limit])
        var out: [(PendingResponse, hasCase: Bool)] = []
        out.reserveCapacity(limit)
        while let row = try rows.next() {
            out.append((PendingResponse(id: row[0], text: row[1], score: row[2], contentHash: row[3], unit: row[4]),
                        row[5]))
        }
        return out
    }

    /// Classifies every pending response in chunks. Classification of the next chunk overlaps the write of the
    /// previous one (the writer runs on its own thread); each chunk commits results, cleared flags, follow-up
    /// cases and the run counters in one transaction.
    func classifyPending(database: PalauteDatabase, runID: Int64, summary: inout NightlySummary) throws {
        let lexiconVersion = classifier.lexiconVersion
        let modelVersion = self.modelVersion
        let total = try database.pool.read { db in
            try Self.pendingCount(lexiconVersion: lexiconVersion, modelVersion: modelVersion, in: db)
        }
        logger.info("classify.pending", metadata: ["responses": "\(total)", "lexicon": "\(lexiconVersion)",
                                                   "model": "\(modelVersion)"])
        guard total > 0 else { return }
        progress(.classifying(done: 0, of: total))

        let classRunID = try database.pool.write { db in
            var run = ClassificationRunRecord(startedAt: Date(), lexiconVersion: lexiconVersion,
                                              modelVersion: modelVersion, llmMode: refiner?.mode ?? "off")
            try run.insert(db)
            return run.id!
        }
        let writer = ChunkWriter(
            database: database, queue: FollowUpQueue(policy: configuration.policy), runID: runID,
            classificationRunID: classRunID, lexiconVersion: lexiconVersion, modelVersion: modelVersion,
            pauseAfterFirstChunk: configuration.pauseAfterFirstChunk, logger: logger)
        let writeQueue = DispatchQueue(label: "palaute.run.writer")
        let inFlight = DispatchGroup()
        var stats = RefinementStats()
        var afterID: Int64 = 0
        var done = 0
        var classifySeconds = 0.0
        do {
            while true {
                let chunk = try database.pool.read { db in
                    try Self.fetchPending(after: afterID, limit: configuration.chunkSize,
                                          lexiconVersion: lexiconVersion, modelVersion: modelVersion, in: db)
                }
                if chunk.isEmpty { break }
                afterID = chunk.last!.0.id
                let batch = chunk.map(\.0)
                let t0 = ContinuousClock.now
                var results = try classifier.classify(batch)
                guard results.count == batch.count else {
                    throw NightlyError.classifierMismatch(expected: batch.count, got: results.count)
                }
                if let refiner { stats += try refiner.refine(batch, &results) }
                classifySeconds += NightlyRun.seconds(since: t0)
                inFlight.wait()
                try writer.rethrow()
                done += batch.count
                progress(.classifying(done: done, of: max(total, done)))
                let hasCase = chunk.map(\.hasCase)
                let frozen = results
                writeQueue.async(group: inFlight) { writer.store(batch, frozen, hasCase: hasCase) }
            }
            inFlight.wait()
            try writer.rethrow()
        } catch {
            inFlight.wait()
            try? database.pool.write { db in
                try db.execute(sql: """
                    UPDATE classification_run SET status = 'failed', finished_at = ?, message = ? WHERE id = ?
                    """, arguments: [Date(), "\(error)", classRunID])
            }
            throw error
        }
        let counts = writer.counts
        try database.pool.write { db in
            try db.execute(sql: """
                UPDATE classification_run SET status = 'completed', finished_at = ?, llm_requests = ?,
                    llm_cache_hits = ?, errors = ? WHERE id = ?
                """, arguments: [Date(), stats.requests, stats.cacheHits, stats.errors, classRunID])
        }
        summary.classified = counts.classified
        summary.newFollowups = counts.opened
        summary.refreshedFollowups = counts.refreshed
        // Busy time of the classifier (on all workers, wall) and of the writer thread; they overlap.
        summary.timings["classifier"] = classifySeconds
        summary.timings["store"] = counts.storeSeconds
        logger.info("classify.done", metadata: [
            "classified": "\(counts.classified)", "new_followups": "\(counts.opened)",
            "refreshed_followups": "\(counts.refreshed)",
            "classifier_seconds": "\(String(format: "%.2f", classifySeconds))",
            "store_seconds": "\(String(format: "%.2f", counts.storeSeconds))",
        ])
    }
}

/// Stores classified chunks on the writer thread; remembers the first error for the run's thread.
final class ChunkWriter: @unchecked Sendable {
    struct Counts {
        var classified = 0
        var opened = 0
        var refreshed = 0
        var storeSeconds = 0.0
    }

    let database: PalauteDatabase
    let queue: FollowUpQueue
    let runID: Int64
    let classificationRunID: Int64
    let lexiconVersion: String
    let modelVersion: String
    let pauseAfterFirstChunk: Double?
    let logger: Logger
    private let lock = NSLock()
    private var error: (any Error)?
    private var _counts = Counts()
    private var chunks = 0

    init(database: PalauteDatabase, queue: FollowUpQueue, runID: Int64, classificationRunID: Int64,
         lexiconVersion: String, modelVersion: String, pauseAfterFirstChunk: Double?, logger: Logger) {
        self.database = database
        self.queue = queue
        self.runID = runID
        self.classificationRunID = classificationRunID
        self.lexiconVersion = lexiconVersion
        self.modelVersion = modelVersion
        self.pauseAfterFirstChunk = pauseAfterFirstChunk
        self.logger = logger
    }

    var counts: Counts {
        lock.lock()
        defer { lock.unlock() }
        return _counts
    }

    func rethrow() throws {
        lock.lock()
        defer { lock.unlock() }
        if let error { throw error }
    }

    /// One transaction: results (older ones become history), cleared flags, follow-up cases, run counters.
    func store(_ batch: [PendingResponse], _ results: [ClassifiedResponse], hasCase: [Bool]) {
        lock.lock()
        let failed = error != nil
        lock.unlock()
        if failed { return }
        do {
            let t0 = ContinuousClock.now
            let now = Date()
            let (opened, refreshed) = try database.pool.write { db -> (Int, Int) in
                // Set-based: a few multi-row statements for the chunk instead of ~10 statements a response.
                var items: [ResultRecord.BatchItem] = []
                items.reserveCapacity(batch.count)
                for i in batch.indices {
                    var c = results[i].classification
                    c.lexiconVersion = lexiconVersion
                    items.append(ResultRecord.BatchItem(
                        classification: c, responseID: batch[i].id, contentHash: batch[i].contentHash,
                        redactedText: results[i].redactedText))
                }
                let stored = try ResultRecord.storeBatch(
                    items, runID: classificationRunID, modelVersion: modelVersion, at: now, in: db)
                var candidates: [FollowUpQueue.BatchItem] = []
                for i in batch.indices where hasCase[i] || FollowUpQueue.priority(for: items[i].classification) != nil {
                    candidates.append(FollowUpQueue.BatchItem(
                        result: stored[i], classification: items[i].classification, unit: batch[i].unit,
                        score: batch[i].score))
                }
                let outcome = try queue.refreshBatch(candidates, at: now, in: db)
                let opened = outcome.opened
                let refreshed = outcome.refreshed
                try db.execute(sql: """
                    UPDATE classification_run SET responses_classified = responses_classified + ? WHERE id = ?
                    """, arguments: [batch.count, classificationRunID])
                try db.execute(sql: """
                    UPDATE nightly_run SET classified = classified + ?, new_followups = new_followups + ? WHERE id = ?
                    """, arguments: [batch.count, opened, runID])
                return (opened, refreshed)
            }
            lock.lock()
            _counts.classified += batch.count
            _counts.opened += opened
            _counts.refreshed += refreshed
            _counts.storeSeconds += NightlyRun.seconds(since: t0)
            chunks += 1
            let first = chunks == 1
            lock.unlock()
            if first, let pause = pauseAfterFirstChunk {
                logger.notice("test.paused", metadata: ["after_chunk": "1", "seconds": "\(pause)"])
                Thread.sleep(forTimeInterval: pause)
            }
        } catch {
            lock.lock()
            if self.error == nil { self.error = error }
            lock.unlock()
        }
    }
}
