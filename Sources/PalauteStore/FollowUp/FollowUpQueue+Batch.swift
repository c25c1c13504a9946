import Foundation
import GRDB
import PalauteClassify

extension FollowUpQueue {
    /// One stored result for `refreshBatch`.
    public struct BatchItem: Sendable {
        public var result: ResultRecord
        public var classification: Classification
        public var unit: String?
        public var score: Int?

        public init(result: ResultRecord, classification: Classification, unit: String?, score: Int?) {
            self.result = result
            self.classification = classification
            self.unit = unit
            self.score = score
        }
    }

    /// What `refreshBatch` did.
    public struct BatchOutcome: Sendable, Equatable {
        public var opened = 0
        public var refreshed = 0
    }

    /// `refresh` for a chunk of results of distinct responses: the same cases, states and events, with one
    /// query to find which responses already have a case and multi-row INSERTs for the new ones.
    ///
    /// Existing cases go through `refresh` one by one (their snapshot is compared with the new labels and people's
    /// state is never written); new cases are opened with their `new` state and `opened` event. Call in the same
    /// write transaction as `ResultRecord.storeBatch`.
    public func refreshBatch(_ items: [BatchItem], at now: Date = Date(), in db: Database) throws -> BatchOutcome {
        var outcome = BatchOutcome()
        guard !items.isEmpty else { return outcome }
        let idList = "[" + items.map { String($0.result.responseID) }.joined(separator: ",") + "]"
        let withCase = Set(try Int64.fetchAll(db, sql: """
            SELECT response_id FROM followup_case WHERE response_id IN (SELECT value FROM json_each(?))
            """, arguments: [idList]))

        let nowText = String.fromDatabaseValue(now.databaseValue) ?? ""
        // Every new case of the chunk opens at `now`, so each priority has one due date.
        var due: [FollowUpCaseRecord.Priority: (text: String, day: String)] = [:]
        func dueDate(_ p: FollowUpCaseRecord.Priority) -> (text: String, day: String) {
            if let d = due[p] { return d }
            let date = policy.dueDate(openedAt: now, priority: p)
            let d = (String.fromDatabaseValue(date.databaseValue) ?? "", policy.isoDay(date))
            due[p] = d
            return d
        }
        var nextCase = try ResultRecord.nextID(of: "followup_case", in: db)
        let cases = BulkInsert(db, table: "followup_case", columns: [
            "id", "response_id", "result_id", "opened_at", "priority", "due_at", "reason", "unit", "score", "nps",
            "sentiment", "flags", "topics", "redacted_text", "updated_at",
        ])
        let states = BulkInsert(db, table: "followup_state", columns: [
            "case_id", "status", "assignee", "notes", "closing_reason", "updated_at", "updated_by",
        ], rowsPerStatement: 128)
        let events = BulkInsert(
            db, table: "followup_event", columns: ["case_id", "at", "by", "kind", "detail"], rowsPerStatement: 128)

        for item in items {
            let c = item.classification
            let result = item.result
            if withCase.contains(result.responseID) {
                switch try refresh(responseID: result.responseID, result: result, classification: c, unit: item.unit,
                                   score: item.score, at: now, in: db) {
                case .opened: outcome.opened += 1
                case .refreshed: outcome.refreshed += 1
                case .none, .unchanged: break
                }
                continue
            }
            guard let priority = Self.priority(for: c) else { continue }
            let caseID = nextCase
            nextCase += 1
            let (dueText, dueDay) = dueDate(priority)
            let reason = Self.reason(for: c)
            cases.add(
                .int(caseID), .int(result.responseID), SQLValue(result.id), .text(nowText), .text(priority.rawValue),
                .text(dueText), .text(reason), SQLValue(item.unit), SQLValue(item.score), SQLValue(c.nps?.rawValue),
                .text(c.sentiment.rawValue), .text(Self.json(Set(c.flags).sorted().map(\.rawValue))),
                .text(Self.topicsJSON(c)), .text(result.redactedText), .text(nowText))
            states.add(
                .int(caseID), .text(FollowUpStateRecord.Status.new.rawValue), .null, .text(""), .null, .text(nowText),
                .text(machineActor))
            events.add(
                .int(caseID), .text(nowText), .text(machineActor), .text("opened"),
                .text("priority \(priority.rawValue) (\(reason)), due \(dueDay), lexicon \(result.lexiconVersion)"))
            outcome.opened += 1
        }
        try cases.flush()
        try states.flush()
        try events.flush()
        return outcome
    }
}
