import Foundation
import GRDB
import PalauteClassify
import Testing
@testable import PalauteStore

@Suite struct DatabaseTests {
    @Test func newDatabaseFileIsPrivate() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("p.sqlite")
        let db = try PalauteDatabase(path: path)
        try db.pool.write { try $0.execute(sql: "INSERT INTO audit_log (at, actor, action, entity) VALUES (CURRENT_TIMESTAMP, 't', 'a', 'e')") }
        for file in [path, path + "-wal", path + "-shm"] where FileManager.default.fileExists(atPath: file) {
            let mode = try #require(FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int)
            #expect(mode == 0o600, "\(file) has mode \(String(mode, radix: 8))")
        }
    }

    @Test func walAndForeignKeysAreOn() throws {
        let dir = try TemporaryDirectory()
        let db = try PalauteDatabase(path: dir.path("p.sqlite"))
        let (journal, fk) = try db.pool.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA foreign_keys"))
        }
        #expect(journal == "wal")
        #expect(fk == 1)
        // A response pointing at a missing batch must be refused.
        #expect(throws: DatabaseError.self) {
            try db.pool.write { db in
                try db.execute(sql: """
                    INSERT INTO response (source, external_id, received_at, text, content_hash, ingest_batch_id, updated_at)
                    VALUES ('s', 'x', CURRENT_TIMESTAMP, '', 'h', 999, CURRENT_TIMESTAMP)
                    """)
            }
        }
    }

    @Test func migrationsAreRecordedAndReopenIsIdempotent() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("p.sqlite")
        _ = try PalauteDatabase(path: path)
        let db = try PalauteDatabase(path: path)
        let applied = try db.pool.read { try PalauteDatabase.migrator.appliedMigrations($0) }
        #expect(applied == ["v1", "v2-report-views", "v3-followup-case-result"])
        let tables = try db.pool.read {
            try Set(String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
        }
        for t in ["ingest_batch", "response", "rejected_row", "classification_run", "result", "topic_mention",
                  "result_flag", "evidence", "followup_case", "followup_state", "followup_event", "audit_log",
                  "llm_cache", "nightly_run"] {
            #expect(tables.contains(t), "missing table \(t)")
        }
    }

    @Test func scoreOutsideZeroToTenIsRefusedByTheSchema() throws {
        let dir = try TemporaryDirectory()
        let db = try PalauteDatabase(path: dir.path("p.sqlite"))
        try db.pool.write { db in
            var batch = IngestBatchRecord(
                source: "s", fileName: "f", filePath: "/f", checksum: "c", format: "csv", encoding: "utf-8",
                startedAt: Date())
            try batch.insert(db)
            var r = ResponseRecord(
                source: "s", externalID: "1", receivedAt: Date(), score: 11, text: "", contentHash: "h",
                ingestBatchID: batch.id!, updatedAt: Date())
            #expect(throws: DatabaseError.self) { try r.insert(db) }
        }
    }

    @Test func defaultPathHonoursEnvironment() {
        #expect(PalauteDatabase.defaultPath(environment: [:]) == "palaute.sqlite")
        #expect(PalauteDatabase.defaultPath(environment: ["PALAUTE_DB": "/tmp/x.sqlite"]) == "/tmp/x.sqlite")
    }

    @Test func unwritableLocationIsATypedError() {
        #expect(throws: StoreError.self) { try PalauteDatabase(path: "/nonexistent-dir/p.sqlite") }
    }
}
