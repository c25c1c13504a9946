import Foundation
import GRDB
import PalauteClassify
import PalauteNightly
import PalauteStore
import Testing

@Suite struct NightlyRunTests {
    func run(_ dir: TemporaryDirectory, _ classifier: any ResponseClassifying, files: [URL] = [], inbox: URL? = nil,
             chunk: Int = 4) throws -> NightlySummary {
        let config = NightlyConfiguration(databasePath: dir.path("palaute.sqlite"), files: files, inbox: inbox,
                                          outDirectory: nil, chunkSize: chunk)
        return try NightlyRun(configuration: config, classifier: classifier).execute()
    }

    @Test func secondRunWithNothingNewDoesNothingAndSaysSo() throws {
        let dir = try TemporaryDirectory()
        let file = try dir.write("kysely_2026-03.csv", makeExport(count: 21))
        let first = try run(dir, WordRuleClassifier(lexiconVersion: "v1"), files: [file])
        #expect(first.ingested == 21)
        #expect(first.classified == 21)
        // Per cycle of 7 comments: waiting detractor, töykeä+contact, safety, waiting score 6 → 4 cases.
        #expect(first.newFollowups == 12)
        #expect(!first.nothingNew)
        #expect(first.exitCode == 0)
        let db = try PalauteDatabase(path: dir.path("palaute.sqlite"))
        let before = try StoreSnapshot.take(db)

        let second = try run(dir, WordRuleClassifier(lexiconVersion: "v1"), files: [file])
        #expect(second.nothingNew)
        #expect(second.filesSkipped == [file.relativePath])
        #expect(second.ingested == 0 && second.classified == 0 && second.newFollowups == 0)
        #expect(second.message.hasPrefix("nothing new"))
        #expect(try StoreSnapshot.take(db) == before)
        let runs = try db.pool.read { db in try NightlyRunRecord.order(NightlyRunRecord.Columns.id).fetchAll(db) }
        #expect(runs.map(\.status) == [.succeeded, .succeeded])
        #expect(runs.map(\.classified) == [21, 0])
    }

    @Test func inboxFilesAreIngestedOnceAndNewOnesAdded() throws {
        let dir = try TemporaryDirectory()
        let inbox = dir.url.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        try Data(makeExport(count: 7).utf8).write(to: inbox.appendingPathComponent("a_2026-01.csv"))
        let first = try run(dir, WordRuleClassifier(lexiconVersion: "v1"), inbox: inbox)
        #expect(first.classified == 7)
        try Data(makeExport(count: 7, idPrefix: "s").utf8).write(to: inbox.appendingPathComponent("a_2026-02.csv"))
        let second = try run(dir, WordRuleClassifier(lexiconVersion: "v1"), inbox: inbox)
        #expect(second.filesSkipped.count == 1)
        #expect(second.filesIngested.count == 1)
        #expect(second.classified == 7)
    }

    @Test func changedLexiconReclassifiesAndKeepsHistory() throws {
        let dir = try TemporaryDirectory()
        let file = try dir.write("k.csv", makeExport(count: 14))
        _ = try run(dir, WordRuleClassifier(lexiconVersion: "v1"), files: [file])
        let again = try run(dir, WordRuleClassifier(lexiconVersion: "v2"), files: [file])
        #expect(again.classified == 14)
        #expect(again.newFollowups == 0)
        let db = try PalauteDatabase(path: dir.path("palaute.sqlite"))
        let (all, current, currentV2) = try db.pool.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM result")!,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM result WHERE is_current = 1")!,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM result WHERE is_current = 1 AND lexicon_version = 'v2'")!)
        }
        #expect(all == 28)
        #expect(current == 14)
        #expect(currentV2 == 14)
    }

    @Test func followUpStateSurvivesReclassification() throws {
        let dir = try TemporaryDirectory()
        let file = try dir.write("k.csv", makeExport(count: 7))
        _ = try run(dir, WordRuleClassifier(lexiconVersion: "v1"), files: [file])
        let db = try PalauteDatabase(path: dir.path("palaute.sqlite"))
        // The töykeä + contact request response (r2) is a high-priority case; a person works on it.
        let caseID = try db.pool.read { db in
            try Int64.fetchOne(db, sql: """
                SELECT c.id FROM followup_case c JOIN response r ON r.id = c.response_id WHERE r.external_id = 'r2'
                """)!
        }
        try db.pool.write { db in
            try FollowUpQueue.assign(caseID: caseID, to: "Liisa", by: "anna", in: db)
            try FollowUpQueue.update(caseID: caseID, status: .inProgress, note: "Soitettu kerran, ei vastausta.",
                                     by: "liisa", in: db)
        }
        let before = try db.pool.read { db in try FollowUpStateRecord.fetchOne(db, key: caseID)! }
        #expect(before.priority(in: db) == .high)

        // The new lexicon reads "töykeä" as a safety word: the case's labels and priority change.
        let v2 = WordRuleClassifier(lexiconVersion: "v2", safetyWords: ["väärä lääke", "töykeä"])
        let summary = try run(dir, v2, files: [file])
        #expect(summary.classified == 7)
        let after = try db.pool.read { db in try FollowUpStateRecord.fetchOne(db, key: caseID)! }
        #expect(after == before)
        #expect(after.status == .inProgress)
        #expect(after.assignee == "Liisa")
        #expect(after.notes.contains("Soitettu kerran"))
        let view = try db.pool.read { db in try FollowUpQueue.show(caseID: caseID, in: db) }
        #expect(view.priority == "urgent")
        #expect(view.flags == ["safety", "contact_request"])
        let refreshed = view.events!.filter { $0.kind == "refreshed" }
        #expect(refreshed.count == 1)
        #expect(refreshed.first?.detail.contains("flags +safety") == true)
        #expect(refreshed.first?.detail.contains("priority high→urgent") == true)
        #expect(refreshed.first?.by == "nightly")
    }

    @Test func caseIsKeptWhenResponseNoLongerQualifies() throws {
        let dir = try TemporaryDirectory()
        let file = try dir.write("k.csv", makeExport(count: 7))
        _ = try run(dir, WordRuleClassifier(lexiconVersion: "v1"), files: [file])
        // v2 no longer knows any safety word: the safety case (r3) must stay, with an event saying why.
        _ = try run(dir, WordRuleClassifier(lexiconVersion: "v2", safetyWords: []), files: [file])
        let db = try PalauteDatabase(path: dir.path("palaute.sqlite"))
        let view = try db.pool.read { db in
            let id = try Int64.fetchOne(db, sql: """
                SELECT c.id FROM followup_case c JOIN response r ON r.id = c.response_id WHERE r.external_id = 'r3'
                """)!
            return try FollowUpQueue.show(caseID: id, in: db)
        }
        #expect(view.priority == "urgent")
        #expect(view.status == "new")
        #expect(view.events!.contains { $0.kind == "refreshed" && $0.detail.contains("no longer meets") })
    }

    @Test func failedRunResumesToTheSameStateAsAnUninterruptedOne() throws {
        let reference = try TemporaryDirectory()
        let file = try reference.write("k.csv", makeExport(count: 30))
        _ = try run(reference, WordRuleClassifier(lexiconVersion: "v1"), files: [file])
        let expected = try StoreSnapshot.take(try PalauteDatabase(path: reference.path("palaute.sqlite")))

        let dir = try TemporaryDirectory()
        let file2 = try dir.write("k.csv", makeExport(count: 30))
        // Fails in the fourth chunk (ids 13–16): three chunks are committed, the fourth is rolled back.
        #expect(throws: WordRuleClassifier.Boom.self) {
            try run(dir, WordRuleClassifier(lexiconVersion: "v1", failOnID: 14), files: [file2])
        }
        let db = try PalauteDatabase(path: dir.path("palaute.sqlite"))
        let partial = try StoreSnapshot.take(db)
        #expect(partial.results.count == 12)
        let resumed = try run(dir, WordRuleClassifier(lexiconVersion: "v1"), files: [file2])
        #expect(resumed.classified == 18)
        #expect(try StoreSnapshot.take(db) == expected)
        let statuses = try db.pool.read { db in try String.fetchAll(db, sql: "SELECT status FROM nightly_run ORDER BY id") }
        #expect(statuses == ["failed", "succeeded"])
    }

    @Test func runFoundRunningIsMarkedInterrupted() throws {
        let dir = try TemporaryDirectory()
        let db = try PalauteDatabase(path: dir.path("palaute.sqlite"))
        try db.pool.write { db in
            var r = NightlyRunRecord(startedAt: Date(timeIntervalSinceNow: -3600))
            try r.insert(db)
        }
        let summary = try run(dir, WordRuleClassifier(lexiconVersion: "v1"))
        #expect(summary.interruptedRuns == [1])
        let first = try db.pool.read { db in try NightlyRunRecord.fetchOne(db, key: 1)! }
        #expect(first.status == .failed)
        #expect(first.message?.hasPrefix("interrupted") == true)
    }

    @Test func secondRunWhileTheLockIsHeldIsRefused() throws {
        let dir = try TemporaryDirectory()
        let lock = try RunLock(path: RunLock.path(forDatabase: dir.path("palaute.sqlite")))
        #expect(throws: NightlyError.self) { try run(dir, WordRuleClassifier(lexiconVersion: "v1")) }
        do {
            _ = try run(dir, WordRuleClassifier(lexiconVersion: "v1"))
        } catch NightlyError.locked(_, let holder) {
            #expect(holder == getpid())
        }
        lock.release()
        let summary = try run(dir, WordRuleClassifier(lexiconVersion: "v1"))
        #expect(summary.status == "succeeded")
    }

    @Test func rejectedRowsAndUnreadableFilesSetTheExitCode() throws {
        let dir = try TemporaryDirectory()
        let bad = try dir.write("b.csv", "id;score;text\nx1;11;Liian suuri pistemäärä\nx2;5;Jouduin odottamaan\n")
        let s = try run(dir, WordRuleClassifier(lexiconVersion: "v1"), files: [bad])
        #expect(s.rejected == 1)
        #expect(s.status == "partial")
        #expect(s.exitCode == NightlyExitCode.rowsRejected)
        let missing = try run(dir, WordRuleClassifier(lexiconVersion: "v1"),
                              files: [dir.url.appendingPathComponent("puuttuu.csv")])
        #expect(missing.filesUnreadable.count == 1)
        #expect(missing.exitCode == NightlyExitCode.fileUnreadable)
    }

    @Test func reportWriterIsCalledAndSkippedWhenNothingIsNew() throws {
        let dir = try TemporaryDirectory()
        let file = try dir.write("k.csv", makeExport(count: 7))
        let calls = Counter()
        let writer = ClosureReportWriter { _, out, _ in
            calls.increment()
            let u = out.appendingPathComponent("report.html")
            try Data("<html></html>".utf8).write(to: u)
            return [u]
        }
        func go() throws -> NightlySummary {
            let config = NightlyConfiguration(databasePath: dir.path("palaute.sqlite"), files: [file],
                                              outDirectory: dir.url.appendingPathComponent("out"))
            return try NightlyRun(configuration: config, classifier: WordRuleClassifier(lexiconVersion: "v1"),
                                  reportWriter: writer).execute()
        }
        let first = try go()
        #expect(first.reportFiles.count == 1)
        let second = try go()
        #expect(second.nothingNew)
        #expect(second.reportFiles.isEmpty)
        #expect(calls.value == 1)
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func increment() { lock.withLock { n += 1 } }
    var value: Int { lock.withLock { n } }
}

extension FollowUpStateRecord {
    func priority(in db: PalauteDatabase) -> FollowUpCaseRecord.Priority? {
        try? db.pool.read { db in try FollowUpCaseRecord.fetchOne(db, key: caseID)?.priority }
    }
}

/// A refinement double: adds a suggestion to every comment that mentions "voisi" and counts its calls.
struct SuggestionRefiner: ClassificationRefining {
    var modelVersion = "test-model@1:all"
    var mode = "all"

    func refine(_ batch: [PendingResponse], _ results: inout [ClassifiedResponse]) throws -> RefinementStats {
        var requests = 0
        for i in results.indices where batch[i].text.contains("ystävällinen") {
            results[i].classification.topics.append(TopicLabel(topic: .staffManner, label: .suggestion))
            results[i].classification.provenance["topic:staff_manner:suggestion"] =
                Provenance(source: .llm, model: "test-model")
            requests += 1
        }
        return RefinementStats(requests: requests)
    }
}

@Suite struct RefinementSeamTests {
    @Test func refinerResultsAreStoredUnderItsModelVersionAndSwitchingItOnReclassifies() throws {
        let dir = try TemporaryDirectory()
        let file = try dir.write("k.csv", makeExport(count: 7))
        let config = NightlyConfiguration(databasePath: dir.path("palaute.sqlite"), files: [file])
        _ = try NightlyRun(configuration: config, classifier: WordRuleClassifier(lexiconVersion: "v1")).execute()
        let withLLM = try NightlyRun(configuration: config, classifier: WordRuleClassifier(lexiconVersion: "v1"),
                                     refiner: SuggestionRefiner()).execute()
        #expect(withLLM.classified == 7)
        #expect(withLLM.modelVersion == "test-model@1:all")
        let db = try PalauteDatabase(path: dir.path("palaute.sqlite"))
        let (current, llmMentions, requests) = try db.pool.read { db in
            (try Int.fetchOne(db, sql: """
                SELECT count(*) FROM result WHERE is_current = 1 AND model_version = 'test-model@1:all'
                """),
             try Int.fetchOne(db, sql: """
                SELECT count(*) FROM topic_mention WHERE label = 'suggestion' AND provenance = 'llm' AND model = 'test-model'
                """),
             try Int.fetchOne(db, sql: """
                SELECT llm_requests FROM classification_run WHERE model_version = 'test-model@1:all'
                """))
        }
        #expect(current == 7)
        #expect(llmMentions == 2)
        #expect(requests == 2)
    }
}
