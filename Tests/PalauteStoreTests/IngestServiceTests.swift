import Foundation
import GRDB
import PalauteIngest
import Testing
@testable import PalauteStore

@Suite struct IngestServiceTests {
    let dir: TemporaryDirectory
    let store: PalauteDatabase

    init() throws {
        dir = try TemporaryDirectory()
        store = try PalauteDatabase(path: dir.path("p.sqlite"))
    }

    private var service: IngestService { IngestService(database: store) }

    private func responses() throws -> [ResponseRecord] {
        try store.pool.read { try ResponseRecord.order(ResponseRecord.Columns.externalID).fetchAll($0) }
    }

    @Test func goodRowsLandAndRejectsAreRecorded() throws {
        let url = try dir.write("kysely.csv", "id;score;comment;date\n1;9;Hyvä;2.3.2026\n2;11;Liikaa;\n3;;Pelkkä teksti;\n")
        var reported: [RejectedRow] = []
        let s = try service.ingest(url, name: "kysely.csv") { reported.append($0) }
        #expect((s.rowsRead, s.inserted, s.updated, s.unchanged, s.rejected) == (3, 2, 0, 0, 1))
        #expect(reported == [RejectedRow(file: "kysely.csv", line: 3, field: "score", reason: "score 11 is outside 0–10")])
        let rows = try responses()
        #expect(rows.map(\.externalID) == ["1", "3"])
        #expect(rows[0].visitedOn == "2026-03-02")
        #expect(rows.allSatisfy { $0.source == "kysely" && $0.needsClassification })
        let (batch, stored) = try store.pool.read { db in
            (try IngestBatchRecord.fetchOne(db, key: s.batchID), try RejectedRowRecord.fetchAll(db))
        }
        #expect(batch?.rowsInserted == 2 && batch?.rowsRejected == 1 && batch?.finishedAt != nil)
        #expect(batch?.checksum == s.checksum && s.checksum.count == 64)
        #expect(stored.map(\.line) == [3])
        #expect(try store.pool.read { try AuditEntryRecord.fetchCount($0) } == 1)
    }

    @Test func reingestingTheSameFileChangesNothing() throws {
        let url = try dir.write("kysely.csv", "id;score;comment\n1;9;Hyvä\n2;3;Huono\n")
        let first = try service.ingest(url)
        let before = try responses()
        let again = try service.ingest(url)
        #expect(again.outcome == .alreadyIngested(batchID: first.batchID))
        // Forced, the rows are read again and found unchanged.
        let forced = try service.ingest(url, force: true)
        #expect((forced.inserted, forced.updated, forced.unchanged) == (0, 0, 2))
        #expect(try responses() == before)
    }

    @Test func changedContentUpdatesAndMarksForReclassification() throws {
        let v1 = try dir.write("kysely-1.csv", "id;score;comment\n1;9;Hyvä\n2;3;Huono\n")
        try service.ingest(v1)
        // Pretend both were classified.
        try store.pool.write { try $0.execute(sql: "UPDATE response SET needs_classification = 0") }
        let v2 = try dir.write("kysely-2.csv", "id;score;comment\n1;9;Hyvä\n2;4;Huono, mutta parani\n3;10;Uusi\n")
        let s = try service.ingest(v2)
        #expect(s.source == "kysely")
        #expect((s.inserted, s.updated, s.unchanged) == (1, 1, 1))
        let rows = try responses()
        #expect(rows.count == 3)
        #expect(rows.map(\.needsClassification) == [false, true, true])
        #expect(rows[1].score == 4 && rows[1].text == "Huono, mutta parani")
        #expect(rows[1].ingestBatchID == s.batchID)
        #expect(rows[0].ingestBatchID != s.batchID)
    }

    @Test func duplicateIdInOneFileRejectsTheRepeat() throws {
        let url = try dir.write("dup.csv", "id;score;comment\nD1;9;Ensimmäinen\nD2;5;Toinen\nD1;2;Sama tunnus uudestaan\n")
        var reported: [RejectedRow] = []
        let s = try service.ingest(url, name: "dup.csv") { reported.append($0) }
        #expect((s.inserted, s.rejected) == (2, 1))
        #expect(reported.first?.line == 4)
        #expect(reported.first?.field == "id")
        #expect(reported.first?.reason == "duplicate id 'D1' in this file (the first row with it was kept)")
        #expect(try responses().first { $0.externalID == "D1" }?.score == 9)
    }

    @Test func duplicateOfAnExistingUnchangedResponseIsAlsoCaught() throws {
        try service.ingest(try dir.write("k-1.csv", "id;score;comment\nD1;9;Sama\n"))
        let s = try service.ingest(try dir.write("k-2.csv", "id;score;comment\nD1;9;Sama\nD1;9;Sama\nD1;2;Muu\n"))
        #expect((s.inserted, s.updated, s.unchanged, s.rejected) == (0, 0, 1, 2))
        #expect(try responses().map(\.score) == [9])
    }

    /// More rows than one multi-row INSERT, with repeats and known ids spread across the groups.
    @Test func largeFileWithRepeatsAcrossInsertGroups() throws {
        var first = "id;score;comment\n"
        for i in 0..<100 { first += "r\(i);5;alku \(i)\n" }
        try service.ingest(try dir.write("big-1.csv", first))
        var second = "id;score;comment\n"
        for i in 0..<300 { second += "r\(i);5;\(i < 100 && i % 2 == 0 ? "muutettu" : "alku") \(i)\n" }
        second += "r150;1;toistuu\nr10;1;toistuu\nr299;1;toistuu\n"
        let s = try service.ingest(try dir.write("big-2.csv", second))
        #expect((s.inserted, s.updated, s.unchanged, s.rejected) == (200, 50, 50, 3))
        #expect(try responses().count == 300)
        let r150 = try store.pool.read { try ResponseRecord.filter(ResponseRecord.Columns.externalID == "r150").fetchOne($0) }
        #expect(r150?.score == 5)
    }

    @Test func failureMidFileLeavesNothing() throws {
        let url = try dir.write("k.csv", "id;score;comment\n1;9;a\n2;8;b\n3;7;c\n4;6;d\n")
        var failing = service
        failing.failAfterRows = 3
        #expect(throws: SimulatedFailure.self) { try failing.ingest(url) }
        let counts = try store.pool.read { db in
            (try ResponseRecord.fetchCount(db), try IngestBatchRecord.fetchCount(db), try AuditEntryRecord.fetchCount(db))
        }
        #expect(counts == (0, 0, 0))
        // Not marked as ingested: the next attempt lands everything.
        let s = try service.ingest(url)
        #expect(s.inserted == 4)
    }

    @Test func unreadableFileThrowsAndLandsNothing() throws {
        let url = try dir.write("bin.csv", "PK\u{03}\u{04}\u{00}\u{00}zip")
        #expect(throws: ExportError.self) { try service.ingest(url) }
        #expect(try store.pool.read { try IngestBatchRecord.fetchCount($0) } == 0)
    }

    @Test func sameIdInAnotherSourceIsAnotherResponse() throws {
        let url = try dir.write("a.csv", "id;score;comment\n1;9;x\n")
        try service.ingest(url, source: "kiosk")
        try service.ingest(url, source: "sms")
        #expect(try responses().map(\.source).sorted() == ["kiosk", "sms"])
    }

    @Test func defaultSourceDropsTrailingDates() {
        #expect(IngestService.defaultSource(for: URL(fileURLWithPath: "/x/kysely_2026-03-02.csv")) == "kysely")
        #expect(IngestService.defaultSource(for: URL(fileURLWithPath: "/x/palaute.jsonl")) == "palaute")
        #expect(IngestService.defaultSource(for: URL(fileURLWithPath: "/x/2026-03-02.csv")) == "2026-03-02")
    }
}

@Suite struct ReadAheadTests {
    /// 2,000 rows with a reject every 97th row.
    private func export(_ dir: TemporaryDirectory) throws -> URL {
        var text = "id;score;comment\n"
        for i in 0..<2_000 { text += "r\(i);\(i % 97 == 0 ? "yksitoista" : String(i % 11));kommentti \(i)\n" }
        return try dir.write("big.csv", text)
    }

    private func describe(_ row: IngestRow) -> String {
        switch row {
        case .record(let r): "record \(r.line) \(r.externalID) \(r.contentHash)"
        case .rejected(let r): "rejected \(r.line) \(r.reason)"
        }
    }

    @Test func rowsComeInFileOrderWithTheirHashesAsReadInPlace() throws {
        let dir = try TemporaryDirectory()
        let url = try export(dir)
        let direct = try ExportReader(url: url)
        var expected: [String] = []
        while let row = try direct.next() { expected.append(describe(row)) }

        let ahead = ReadAhead(try ExportReader(url: url), batchSize: 7, capacity: 2)
        defer { ahead.finish() }
        var got: [String] = []
        while let batch = try ahead.next() {
            for item in batch {
                switch item {
                case .record(let r, let hash): got.append("record \(r.line) \(r.externalID) \(hash)")
                case .rejected(let r): got.append(describe(.rejected(r)))
                }
            }
        }
        #expect(expected.count == 2_000)
        #expect(expected.contains { $0.hasPrefix("rejected") })
        #expect(got == expected)
    }

    @Test func failureWhileTheReaderIsAheadEndsCleanlyAndLandsNothing() throws {
        let dir = try TemporaryDirectory()
        let store = try PalauteDatabase(path: dir.path("p.sqlite"))
        var failing = IngestService(database: store)
        // The reading thread is blocked on a full queue when the inserts fail; the ingest must still return.
        failing.failAfterRows = 10
        let url = try export(dir)
        #expect(throws: SimulatedFailure.self) { try failing.ingest(url) }
        #expect(try store.pool.read { try ResponseRecord.fetchCount($0) } == 0)
        let s = try IngestService(database: store).ingest(url)
        #expect((s.rowsRead, s.rejected, s.inserted) == (2_000, 21, 1_979))
    }
}
