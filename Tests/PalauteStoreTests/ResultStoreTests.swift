import Foundation
import GRDB
import PalauteClassify
import Testing
@testable import PalauteStore

@Suite struct ResultStoreTests {
    private func makeResponse(_ db: Database) throws -> ResponseRecord {
        var batch = IngestBatchRecord(
            source: "s", fileName: "f", filePath: "/f", checksum: "c", format: "csv", encoding: "utf-8",
            startedAt: Date())
        try batch.insert(db)
        var r = ResponseRecord(
            source: "s", externalID: "1", receivedAt: Date(), score: 3, text: "Jouduin odottamaan tunnin.",
            contentHash: "h1", ingestBatchID: batch.id!, updatedAt: Date())
        try r.insert(db)
        return r
    }

    private func classification(version: String) -> Classification {
        Classification(
            lang: .fi, sentiment: .negative, topics: [TopicLabel(topic: .waiting, label: .criticism)],
            flags: [.contactRequest], followUp: true, nps: .detractor, confidence: 0.8, mismatch: false,
            evidence: [Evidence(target: "topic:waiting:criticism", start: 0, end: 17, text: "Jouduin odottamaan", rule: "lexicon")],
            lexiconVersion: version)
    }

    @Test func storingKeepsHistoryAndOneCurrentResult() throws {
        let dir = try TemporaryDirectory()
        let store = try PalauteDatabase(path: dir.path("p.sqlite"))
        try store.pool.write { db in
            let response = try makeResponse(db)
            try ResultRecord.store(classification(version: "1"), responseID: response.id!, contentHash: "h1", runID: nil, redactedText: "x", in: db)
            try ResultRecord.store(classification(version: "2"), responseID: response.id!, contentHash: "h1", runID: nil, redactedText: "x", in: db)
            // Same versions again: replaced, not duplicated.
            let second = try ResultRecord.store(classification(version: "2"), responseID: response.id!, contentHash: "h1", runID: nil, redactedText: "x", in: db)

            #expect(try ResultRecord.fetchCount(db) == 2)
            let current = try ResultRecord.filter(ResultRecord.Columns.isCurrent == true).fetchAll(db)
            #expect(current.map(\.id) == [second.id])
            #expect(try TopicMentionRecord.filter(TopicMentionRecord.Columns.resultID == second.id!).fetchCount(db) == 1)
            #expect(try ResultFlagRecord.fetchCount(db) == 2)
            let ev = try #require(try EvidenceRecord.filter(EvidenceRecord.Columns.resultID == second.id!).fetchOne(db))
            #expect(ev.mentionID != nil)
            #expect(try ResponseRecord.fetchOne(db, key: response.id!)?.needsClassification == false)
        }
    }

    @Test func staleHashLeavesResponsePending() throws {
        let dir = try TemporaryDirectory()
        let store = try PalauteDatabase(path: dir.path("p.sqlite"))
        try store.pool.write { db in
            let response = try makeResponse(db)
            try ResultRecord.store(classification(version: "1"), responseID: response.id!, contentHash: "old", runID: nil, redactedText: "x", in: db)
            #expect(try ResponseRecord.fetchOne(db, key: response.id!)?.needsClassification == true)
        }
    }

    @Test func humanStateSurvivesReclassification() throws {
        let dir = try TemporaryDirectory()
        let store = try PalauteDatabase(path: dir.path("p.sqlite"))
        try store.pool.write { db in
            let response = try makeResponse(db)
            let result = try ResultRecord.store(classification(version: "1"), responseID: response.id!, contentHash: "h1", runID: nil, redactedText: "x", in: db)
            var c = FollowUpCaseRecord(responseID: response.id!, resultID: result.id, openedAt: Date(), updatedAt: Date())
            try c.insert(db)
            try FollowUpStateRecord(caseID: c.id!, status: .contacted, assignee: "Maija", notes: "soitettu", updatedAt: Date(), updatedBy: "maija").insert(db)
            try ResultRecord.store(classification(version: "2"), responseID: response.id!, contentHash: "h1", runID: nil, redactedText: "x", in: db)
            let state = try #require(try FollowUpStateRecord.fetchOne(db, key: c.id!))
            #expect(state.status == .contacted)
            #expect(state.notes == "soitettu")
        }
    }
}
