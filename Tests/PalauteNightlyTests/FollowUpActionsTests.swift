import Foundation
import GRDB
import PalauteClassify
import PalauteStore
import Testing

@Suite struct FollowUpActionsTests {
    /// A database with one response, one result and the case the queue opened for it.
    func openCase() throws -> (TemporaryDirectory, PalauteDatabase, Int64) {
        let dir = try TemporaryDirectory()
        let db = try PalauteDatabase(path: dir.path("p.sqlite"))
        let caseID = try db.pool.write { db -> Int64 in
            var batch = IngestBatchRecord(source: "t", fileName: "t.csv", filePath: "/t.csv", checksum: "x",
                                          format: "csv", encoding: "utf-8", startedAt: Date())
            try batch.insert(db)
            var r = ResponseRecord(source: "t", externalID: "1", unit: "Kotka", receivedAt: Date(), score: 2,
                                   text: "Väärä lääke annettiin.", contentHash: "h", ingestBatchID: batch.id!,
                                   updatedAt: Date())
            try r.insert(db)
            let c = Classification(lang: .fi, sentiment: .negative, topics: [TopicLabel(topic: .medication,
                                   label: .criticism)], flags: [.safety], followUp: true, nps: .detractor,
                                   confidence: 0.9, mismatch: false, evidence: [], lexiconVersion: "v1")
            let result = try ResultRecord.store(c, responseID: r.id!, contentHash: "h", runID: nil,
                                                redactedText: "Väärä lääke annettiin.", in: db)
            guard case .opened(let id) = try FollowUpQueue().refresh(
                responseID: r.id!, result: result, classification: c, unit: "Kotka", score: 2, in: db)
            else { throw CancellationError() }
            return id
        }
        return (dir, db, caseID)
    }

    @Test func openedCaseIsUrgentWithStateAndEvent() throws {
        let (dir, db, id) = try openCase()
        defer { withExtendedLifetime(dir) {} }
        let v = try db.pool.read { db in try FollowUpQueue.show(caseID: id, in: db) }
        #expect(v.priority == "urgent")
        #expect(v.status == "new")
        #expect(v.reason == "safety")
        #expect(v.events?.map(\.kind) == ["opened"])
    }

    @Test func closingWithoutAReasonIsRefused() throws {
        let (dir, db, id) = try openCase()
        defer { withExtendedLifetime(dir) {} }
        #expect(throws: FollowUpError.closingNeedsReason(caseID: id)) {
            try db.pool.write { db in try FollowUpQueue.update(caseID: id, status: .closed, by: "anna", in: db) }
        }
        #expect(throws: FollowUpError.unknownClosingReason("fixed")) { try FollowUpQueue.closingReason("fixed") }
        let status = try db.pool.read { db in try FollowUpStateRecord.fetchOne(db, key: id)!.status }
        #expect(status == .new)
    }

    @Test func reopeningAClosedCaseNeedsAReason() throws {
        let (dir, db, id) = try openCase()
        defer { withExtendedLifetime(dir) {} }
        try db.pool.write { db in
            try FollowUpQueue.close(caseID: id, reason: .resolved, note: "Soitettu, asia selvitetty.", by: "anna",
                                    in: db)
        }
        #expect(throws: FollowUpError.alreadyClosed(caseID: id)) {
            try db.pool.write { db in try FollowUpQueue.close(caseID: id, reason: .duplicate, by: "anna", in: db) }
        }
        #expect(throws: FollowUpError.reopenNeedsReason(caseID: id)) {
            try db.pool.write { db in try FollowUpQueue.update(caseID: id, status: .inProgress, by: "anna", in: db) }
        }
        try db.pool.write { db in
            try FollowUpQueue.update(caseID: id, status: .inProgress, reason: "Potilas soitti uudelleen",
                                     by: "ville", in: db)
        }
        let state = try db.pool.read { db in try FollowUpStateRecord.fetchOne(db, key: id)! }
        #expect(state.status == .inProgress)
        #expect(state.closingReason == nil)
        #expect(state.updatedBy == "ville")
    }

    @Test func unchangedUpdateIsRefusedButANoteIsRecorded() throws {
        let (dir, db, id) = try openCase()
        defer { withExtendedLifetime(dir) {} }
        #expect(throws: FollowUpError.unchanged(caseID: id, status: .new)) {
            try db.pool.write { db in try FollowUpQueue.update(caseID: id, status: .new, by: "anna", in: db) }
        }
        try db.pool.write { db in
            try FollowUpQueue.update(caseID: id, status: nil, note: "Yritetty soittaa.", by: "anna", in: db)
        }
        let notes = try db.pool.read { db in try FollowUpStateRecord.fetchOne(db, key: id)!.notes }
        #expect(notes.hasSuffix("anna] Yritetty soittaa."))
    }

    @Test func everyChangeIsAuditedWithActorAndWithoutText() throws {
        let (dir, db, id) = try openCase()
        defer { withExtendedLifetime(dir) {} }
        try db.pool.write { db in
            try FollowUpQueue.assign(caseID: id, to: "Liisa", by: "anna", in: db)
            try FollowUpQueue.update(caseID: id, status: .contacted, note: "Puhuttu potilaan kanssa.", by: "liisa",
                                     in: db)
            try FollowUpQueue.close(caseID: id, reason: .contactedNoAction, by: "liisa", in: db)
        }
        let audit = try db.pool.read { db in try AuditEntryRecord.order(AuditEntryRecord.Columns.id).fetchAll(db) }
        #expect(audit.map(\.action) == ["followup.assign", "followup.update", "followup.close"])
        #expect(audit.map(\.actor) == ["anna", "liisa", "liisa"])
        #expect(audit.allSatisfy { $0.entity == "followup_case" && $0.entityID == String(id) })
        #expect(!audit.contains { $0.detail.contains("Puhuttu") })
        let kinds = try db.pool.read { db in try FollowUpQueue.show(caseID: id, in: db).events!.map(\.kind) }
        #expect(kinds == ["opened", "assigned", "status", "note", "closed"])
    }

    @Test func actorComesFromOptionThenEnvironment() {
        #expect(FollowUpQueue.actor(explicit: "anna", environment: ["USER": "root"]) == "anna")
        #expect(FollowUpQueue.actor(explicit: nil, environment: ["PALAUTE_USER": "liisa", "USER": "root"]) == "liisa")
        #expect(FollowUpQueue.actor(explicit: nil, environment: ["USER": "root"]) == "root")
        #expect(FollowUpQueue.actor(explicit: nil, environment: [:]) == "unknown")
    }

    @Test func listFiltersByUnitPriorityStatusAndOverdue() throws {
        let (dir, db, id) = try openCase()
        defer { withExtendedLifetime(dir) {} }
        try db.pool.read { db in
            #expect(try FollowUpQueue.list(FollowUpFilter(unit: "Kotka"), in: db).map(\.id) == [id])
            #expect(try FollowUpQueue.list(FollowUpFilter(unit: "Hamina"), in: db).isEmpty)
            #expect(try FollowUpQueue.list(FollowUpFilter(priority: .high), in: db).isEmpty)
            #expect(try FollowUpQueue.list(FollowUpFilter(status: .new), in: db).count == 1)
            #expect(try FollowUpQueue.list(FollowUpFilter(overdueOnly: true), in: db).isEmpty)
            let later = Date(timeIntervalSinceNow: 10 * 86_400)
            let overdue = try FollowUpQueue.list(FollowUpFilter(overdueOnly: true), now: later, in: db)
            #expect(overdue.map(\.id) == [id])
            #expect(overdue.first?.overdue == true)
        }
    }
}
