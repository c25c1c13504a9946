import Foundation
import GRDB
import PalauteIngest

/// Lands survey exports in the store: one file, one transaction, so a crash mid-file leaves nothing half-written.
///
/// Rows are upserted by (source, external id): the same content changes nothing, changed content updates the
/// response and marks it for re-classification, a new id inserts. Within one file, a second row with an id already
/// seen is rejected as a duplicate (the first wins), because an export that repeats an id is broken and picking
/// one silently would hide it. A file whose SHA-256 was already ingested for the source is skipped.
public struct IngestService {
    public let database: PalauteDatabase
    /// Recorded in the audit log.
    public var actor: String

    /// Rows per multi-row INSERT (12 parameters each; SQLite allows 32766). `PALAUTE_INGEST_BATCH` overrides it
    /// (1…512) for benchmarks.
    static let insertBatch: Int = {
        if let v = ProcessInfo.processInfo.environment["PALAUTE_INGEST_BATCH"], let n = Int(v) { return min(max(n, 1), 512) }
        return 64
    }()

    /// Test hook: throw after this many rows of a file were written, to prove the transaction rolls back.
    var failAfterRows: Int?

    public init(database: PalauteDatabase, actor: String = "palaute ingest") {
        self.database = database
        self.actor = actor
    }

    /// Ingests one file. Rejected rows are passed to `onReject` as they are found (and stored in `rejected_row`).
    ///
    /// - Parameters:
    ///   - source: the source label of the responses; default `IngestService.defaultSource(for:)`.
    ///   - force: read the file even when the same bytes were ingested before (e.g. with another `--map`).
    ///   - name: how the file is named in rejects and the summary; default the path as given.
    /// - Throws: `ExportError` when the file cannot be read at all (nothing lands), a GRDB error on database failure.
    @discardableResult
    public func ingest(
        _ url: URL, source: String? = nil, mapping: HeaderMapping = .default, force: Bool = false,
        name: String? = nil, onReject: (RejectedRow) -> Void = { _ in }
    ) throws -> IngestSummary {
        let clock = ContinuousClock.now
        let display = name ?? url.relativePath
        let source = source ?? Self.defaultSource(for: url)
        let checksum = try Self.checksum(of: url, name: display)
        var summary = IngestSummary(file: display, source: source, outcome: .ingested(batchID: 0), checksum: checksum)

        if !force, let previous = try database.pool.read({ db in
            try Int64.fetchOne(
                db, sql: "SELECT id FROM ingest_batch WHERE checksum = ? AND source = ? ORDER BY id LIMIT 1",
                arguments: [checksum, source])
        }) {
            summary.outcome = .alreadyIngested(batchID: previous)
            return summary
        }

        let reader = try ExportReader(url: url, mapping: mapping, name: display)
        summary.format = reader.format.name
        summary.encoding = reader.encoding.rawValue
        let failAfterRows = self.failAfterRows
        let actor = self.actor

        try database.pool.writeWithoutTransaction { db in
            // Statement journals (one per multi-row INSERT, for statement rollback) stay in memory only when
            // temp_store is MEMORY when the transaction begins; on disk they cost two write syscalls per touched
            // page (measured: 3 pwrite per row). Changing temp_store drops temp tables, which are per file anyway.
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            defer { try? db.execute(sql: "PRAGMA temp_store = DEFAULT") }
            try db.inTransaction(.immediate) {
                try ingestRows(db)
                return .commit
            }
        }
        func ingestRows(_ db: Database) throws {
            let now = Date()
            var batch = IngestBatchRecord(
                source: source, fileName: url.lastPathComponent, filePath: url.standardizedFileURL.path,
                checksum: checksum, format: reader.format.name, encoding: reader.encoding.rawValue, startedAt: now)
            try batch.insert(db)
            let batchID = batch.id!
            let nowValue = now.databaseValue

            // A bigger page cache keeps the unique and secondary indexes in memory for large files (bounded: 64 MiB).
            try db.execute(sql: "PRAGMA cache_size = -65536")
            // Ids of existing responses this file has already touched, to catch an id repeated within the file.
            // Only rows that already existed land here, so a first ingest keeps it empty.
            try db.execute(sql: """
                CREATE TEMP TABLE IF NOT EXISTS ingest_seen (response_id INTEGER PRIMARY KEY);
                DELETE FROM temp.ingest_seen;
                """)
            // New rows go in groups of `insertBatch` through one multi-row INSERT: SQLite's per-statement work
            // (cursors on the table and its indexes, the AUTOINCREMENT counter) is paid once per group.
            // RETURNING lists the rows that were inserted; the others hit a known id and take the slow path.
            var inserts: [Int: RawStatement] = [:]
            func insertStatement(rows: Int) throws -> RawStatement {
                if let s = inserts[rows] { return s }
                let values = Array(repeating: "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)", count: rows).joined(separator: ", ")
                let s = try RawStatement(db, sql: """
                    INSERT INTO response (source, external_id, channel, unit, service, visited_on, received_at, score,
                                          text, content_hash, ingest_batch_id, needs_classification, updated_at)
                    VALUES \(values)
                    ON CONFLICT (source, external_id) DO NOTHING
                    RETURNING external_id
                    """)
                inserts[rows] = s
                return s
            }
            let nowText = String.fromDatabaseValue(nowValue) ?? ""
            let lookup = try db.cachedStatement(
                sql: "SELECT id, content_hash, ingest_batch_id FROM response WHERE source = ? AND external_id = ?")
            let markSeen = try db.cachedStatement(
                sql: "INSERT INTO temp.ingest_seen (response_id) VALUES (?) ON CONFLICT DO NOTHING")
            let update = try db.cachedStatement(sql: """
                UPDATE response SET channel = ?, unit = ?, service = ?, visited_on = ?, score = ?, text = ?,
                    content_hash = ?, ingest_batch_id = ?, needs_classification = 1, updated_at = ?
                WHERE id = ?
                """)
            let reject = try db.cachedStatement(
                sql: "INSERT INTO rejected_row (ingest_batch_id, line, field, reason) VALUES (?, ?, ?, ?)")

            func record(_ r: RejectedRow) throws {
                summary.rejected += 1
                try reject.execute(arguments: [batchID, r.line, r.field, r.reason])
                onReject(r)
            }

            /// A row whose id is already in the database: a repeat within this file, unchanged, or changed.
            func known(_ r: SurveyRecord, hash: String) throws {
                guard let existing = try Row.fetchOne(lookup, arguments: [source, r.externalID]) else {
                    throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "response vanished during ingest")
                }
                let id: Int64 = existing[0]
                let oldHash: String = existing[1]
                let lastBatch: Int64 = existing[2]
                try markSeen.execute(arguments: [id])
                if lastBatch == batchID || db.changesCount == 0 {
                    try record(RejectedRow(
                        file: display, line: r.line, field: "id",
                        reason: "duplicate id '\(r.externalID)' in this file (the first row with it was kept)"))
                } else if oldHash == hash {
                    summary.unchanged += 1
                } else {
                    try update.execute(arguments: [
                        r.channel, r.unit, r.service, r.visitedOn, r.score, r.text, hash, batchID, nowValue, id,
                    ])
                    summary.updated += 1
                }
            }

            var pending: [(record: SurveyRecord, hash: String)] = []
            pending.reserveCapacity(Self.insertBatch)
            var returned: [String: Int] = [:]
            func flush() throws {
                if pending.isEmpty { return }
                let insert = try insertStatement(rows: pending.count)
                var p: Int32 = 0
                for (r, hash) in pending {
                    insert.bind(p + 1, source)
                    insert.bind(p + 2, r.externalID)
                    insert.bind(p + 3, r.channel)
                    insert.bind(p + 4, r.unit)
                    insert.bind(p + 5, r.service)
                    insert.bind(p + 6, r.visitedOn)
                    insert.bind(p + 7, nowText)
                    insert.bind(p + 8, r.score)
                    insert.bind(p + 9, r.text)
                    insert.bind(p + 10, hash)
                    insert.bind(p + 11, batchID)
                    insert.bind(p + 12, nowText)
                    p += 12
                }
                returned.removeAll(keepingCapacity: true)
                try insert.run { returned[$0, default: 0] += 1 }
                for (r, hash) in pending {
                    if let n = returned[r.externalID], n > 0 {
                        returned[r.externalID] = n - 1
                        summary.inserted += 1
                    } else {
                        try known(r, hash: hash)
                    }
                }
                pending.removeAll(keepingCapacity: true)
            }

            // Parsing and hashing run on their own thread, ahead of the inserts.
            let rows = ReadAhead(reader)
            defer { rows.finish() }
            while let items = try rows.next() {
                for item in items {
                    summary.rowsRead += 1
                    switch item {
                    case .rejected(let r):
                        try record(r)
                    case .record(let r, let hash):
                        pending.append((r, hash))
                        if pending.count == Self.insertBatch { try flush() }
                    }
                    if let failAfterRows, summary.rowsRead >= failAfterRows {
                        throw SimulatedFailure(afterRows: failAfterRows)
                    }
                }
            }

            try flush()
            batch.finishedAt = Date()
            batch.rowsRead = summary.rowsRead
            batch.rowsInserted = summary.inserted
            batch.rowsUpdated = summary.updated
            batch.rowsUnchanged = summary.unchanged
            batch.rowsRejected = summary.rejected
            try batch.update(db)
            var audit = AuditEntryRecord(
                actor: actor, action: "ingest", entity: "ingest_batch", entityID: String(batchID),
                details: [
                    "file": url.lastPathComponent, "source": source, "checksum": checksum,
                    "read": String(summary.rowsRead), "inserted": String(summary.inserted),
                    "updated": String(summary.updated), "unchanged": String(summary.unchanged),
                    "rejected": String(summary.rejected),
                ], at: now)
            try audit.insert(db)
            try db.execute(sql: "DELETE FROM temp.ingest_seen")
            summary.outcome = .ingested(batchID: batchID)
        }
        let elapsed = ContinuousClock.now - clock
        summary.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return summary
    }

    /// The source label for a file when none is given: the file name without extension and without a trailing
    /// date or sequence number, so `kysely_2026-03-02.csv` and `kysely_2026-03-03.csv` are one source.
    public static func defaultSource(for url: URL) -> String {
        let stem = url.deletingPathExtension().lastPathComponent
        var s = Substring(stem)
        while let last = s.last, last.isNumber || "-_. ".contains(last) { s.removeLast() }
        return s.isEmpty ? stem : String(s)
    }

    /// SHA-256 (hex) of a file's bytes, read in chunks.
    public static func checksum(of url: URL, name: String? = nil) throws(ExportError) -> String {
        let display = name ?? url.relativePath
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), isDir.boolValue {
                throw ExportError(file: display, problem: .isDirectory)
            }
            throw ExportError(file: display, problem: .cannotOpen(
                FileManager.default.fileExists(atPath: url.path) ? "permission denied" : "no such file"))
        }
        defer { try? handle.close() }
        var digest = SHA256()
        while true {
            let data: Data
            do { data = try handle.read(upToCount: 1 << 20) ?? Data() } catch {
                throw ExportError(file: display, problem: .readFailed(error.localizedDescription))
            }
            if data.isEmpty { break }
            data.withUnsafeBytes { digest.update($0) }
        }
        return digest.hexDigest()
    }
}

/// The failure `IngestService.failAfterRows` injects.
struct SimulatedFailure: Error {
    var afterRows: Int
}
