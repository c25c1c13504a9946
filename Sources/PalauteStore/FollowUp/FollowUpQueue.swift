import Foundation
import GRDB
import PalauteClassify

/// The follow-up queue: opens a case for every result the follow-up rule applies to, keeps the machine-owned
/// snapshot of open cases up to date when a response is classified again, and applies people's changes.
///
/// The machine side (`refresh`) writes `followup_case` and `followup_event` only, never `followup_state` beyond
/// the initial `new` row, so re-classification cannot overwrite a status, an assignee or a note. People's changes
/// (`FollowUpQueue+Actions.swift`) write the state, an event and an audit entry in one transaction.
public struct FollowUpQueue: Sendable {
    public var policy: FollowUpPolicy
    /// Recorded as `by` of machine events.
    public var machineActor: String

    public init(policy: FollowUpPolicy = .default, machineActor: String = "nightly") {
        self.policy = policy
        self.machineActor = machineActor
    }

    /// What `refresh` did to the queue.
    public enum Outcome: Sendable, Equatable {
        /// The result does not qualify and the response has no case.
        case none
        case opened(caseID: Int64)
        /// An existing case's snapshot changed; the event says how.
        case refreshed(caseID: Int64)
        /// An existing case, nothing but the result link changed.
        case unchanged(caseID: Int64)
    }

    /// The priority the contract gives a classification: urgent for safety, high for a formal complaint or a
    /// contact request, normal for other follow-ups; nil when the follow-up rule does not apply.
    public static func priority(for c: Classification) -> FollowUpCaseRecord.Priority? {
        guard c.followUp || !c.flags.isEmpty else { return nil }
        if c.flags.contains(.safety) { return .urgent }
        if c.flags.contains(.formalComplaint) || c.flags.contains(.contactRequest) { return .high }
        return .normal
    }

    /// The short reason shown in the queue: the flags, else `detractor criticism`.
    public static func reason(for c: Classification) -> String {
        let flags = Set(c.flags).sorted().map(\.rawValue)
        return flags.isEmpty ? "detractor criticism" : flags.joined(separator: ", ")
    }

    /// Opens or refreshes the case of one response after `result` was stored for it. Call in the same write
    /// transaction as `ResultRecord.store`, so a crash leaves both or neither.
    @discardableResult
    public func refresh(
        responseID: Int64, result: ResultRecord, classification c: Classification, unit: String?, score: Int?,
        at now: Date = Date(), in db: Database
    ) throws -> Outcome {
        let newPriority = Self.priority(for: c)
        let flags = Set(c.flags).sorted().map(\.rawValue)
        let topics = Set(c.topics).sorted().map { "\($0.topic.rawValue):\($0.label.rawValue)" }
        let existing = try FollowUpCaseRecord.filter(FollowUpCaseRecord.Columns.responseID == responseID).fetchOne(db)

        guard var fc = existing else {
            guard let newPriority else { return .none }
            var record = FollowUpCaseRecord(
                responseID: responseID, resultID: result.id, openedAt: now, priority: newPriority,
                dueAt: policy.dueDate(openedAt: now, priority: newPriority), reason: Self.reason(for: c), unit: unit,
                score: score, nps: c.nps?.rawValue, sentiment: c.sentiment.rawValue, flags: Self.json(flags),
                topics: Self.topicsJSON(c), redactedText: result.redactedText, updatedAt: now)
            try record.insert(db)
            let id = record.id!
            try FollowUpStateRecord(caseID: id, status: .new, updatedAt: now, updatedBy: machineActor).insert(db)
            var event = FollowUpEventRecord(
                caseID: id, at: now, by: machineActor, kind: "opened",
                detail: "priority \(newPriority.rawValue) (\(record.reason)), due \(policy.isoDay(record.dueAt!)), "
                    + "lexicon \(result.lexiconVersion)")
            try event.insert(db)
            return .opened(caseID: id)
        }

        // Existing case: compare the labels, never drop the case, let the priority rise but not fall.
        let caseID = fc.id!
        let oldFlags = Self.decodeStrings(fc.flags)
        let oldTopics = Self.decodeTopics(fc.topics)
        var changes: [String] = []
        let flagDiff = Self.diff(old: oldFlags, new: flags)
        if !flagDiff.isEmpty { changes.append("flags " + flagDiff) }
        let topicDiff = Self.diff(old: oldTopics, new: topics)
        if !topicDiff.isEmpty { changes.append("topics " + topicDiff) }
        if fc.sentiment != c.sentiment.rawValue {
            changes.append("sentiment \(fc.sentiment ?? "none")→\(c.sentiment.rawValue)")
        }
        if fc.score != score { changes.append("score \(fc.score.map(String.init) ?? "none")→\(score.map(String.init) ?? "none")") }
        if let newPriority, newPriority.rank < fc.priority.rank {
            changes.append("priority \(fc.priority.rawValue)→\(newPriority.rawValue)")
            fc.priority = newPriority
            fc.reason = Self.reason(for: c)
            let due = policy.dueDate(openedAt: now, priority: newPriority)
            if fc.dueAt.map({ due < $0 }) ?? true { fc.dueAt = due }
        } else if let newPriority, newPriority.rank > fc.priority.rank {
            changes.append("priority kept \(fc.priority.rawValue) (labels now give \(newPriority.rawValue))")
        }
        if newPriority == nil, !changes.isEmpty || fc.resultID != result.id {
            let status = try String.fetchOne(db, sql: "SELECT status FROM followup_state WHERE case_id = ?",
                                             arguments: [caseID])
            if status != FollowUpStateRecord.Status.closed.rawValue {
                changes.append("no longer meets the follow-up rule; case kept for a person to close")
            }
        }
        let textChanged = fc.redactedText != result.redactedText
        if textChanged { changes.append("comment text changed") }
        let linkChanged = fc.resultID != result.id
        guard !changes.isEmpty || linkChanged || fc.unit != unit else { return .unchanged(caseID: caseID) }

        fc.resultID = result.id
        fc.unit = unit
        fc.score = score
        fc.nps = c.nps?.rawValue
        fc.sentiment = c.sentiment.rawValue
        fc.flags = Self.json(flags)
        fc.topics = Self.topicsJSON(c)
        fc.redactedText = result.redactedText
        fc.updatedAt = now
        try fc.update(db)
        guard !changes.isEmpty else { return .unchanged(caseID: caseID) }
        var event = FollowUpEventRecord(
            caseID: caseID, at: now, by: machineActor, kind: "refreshed",
            detail: "re-classified (lexicon \(result.lexiconVersion), model \(result.modelVersion)): "
                + changes.joined(separator: "; "))
        try event.insert(db)
        return .refreshed(caseID: caseID)
    }

    // MARK: - snapshot encoding

    static func json(_ strings: [String]) -> String {
        let data = (try? JSONEncoder().encode(strings)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    struct TopicJSON: Codable, Hashable {
        var topic: String
        var label: String
    }

    static func topicsJSON(_ c: Classification) -> String {
        let items = Set(c.topics).sorted().map { TopicJSON(topic: $0.topic.rawValue, label: $0.label.rawValue) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(items)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    static func decodeStrings(_ json: String) -> [String] {
        (try? JSONDecoder().decode([String].self, from: Data(json.utf8))) ?? []
    }

    /// `topic:label` strings of a stored topics snapshot.
    static func decodeTopics(_ json: String) -> [String] {
        ((try? JSONDecoder().decode([TopicJSON].self, from: Data(json.utf8))) ?? []).map { "\($0.topic):\($0.label)" }
    }

    static func diff(old: [String], new: [String]) -> String {
        let o = Set(old), n = Set(new)
        let added = n.subtracting(o).sorted().map { "+" + $0 }
        let removed = o.subtracting(n).sorted().map { "-" + $0 }
        return (added + removed).joined(separator: " ")
    }
}

extension FollowUpCaseRecord.Priority {
    /// 0 is the most urgent.
    public var rank: Int {
        switch self {
        case .urgent: 0
        case .high: 1
        case .normal: 2
        case .low: 3
        }
    }
}
