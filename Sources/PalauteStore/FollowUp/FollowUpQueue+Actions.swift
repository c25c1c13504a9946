import Foundation
import GRDB

// People's changes to a case: each writes followup_state, a followup_event and an audit_log entry in the caller's
// transaction. Notes go to the case history, never to the audit log (which records only that a note was added).
extension FollowUpQueue {
    /// The actor of a change: `--by`, else `$PALAUTE_USER`, else `$USER`, else `unknown`.
    public static func actor(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> String
    {
        for candidate in [explicit, environment["PALAUTE_USER"], environment["USER"]] {
            if let c = candidate?.trimmingCharacters(in: .whitespaces), !c.isEmpty { return c }
        }
        return "unknown"
    }

    /// Sets the assignee.
    public static func assign(caseID: Int64, to assignee: String, by actor: String, at now: Date = Date(),
                              in db: Database) throws {
        let name = assignee.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw FollowUpError.emptyAssignee }
        var state = try loadState(caseID, db)
        let previous = state.assignee
        state.assignee = name
        state.updatedAt = now
        state.updatedBy = actor
        try state.update(db)
        try event(caseID, now, actor, "assigned", "\(previous ?? "nobody") → \(name)", db)
        try audit(caseID, now, actor, "followup.assign", ["from": previous ?? "", "to": name], db)
    }

    /// Moves a case to another open status and/or adds a note. Closing is refused (use `close`, which needs a
    /// reason code); reopening a closed case needs `reason`.
    public static func update(
        caseID: Int64, status: FollowUpStateRecord.Status?, note: String? = nil, reason: String? = nil,
        by actor: String, at now: Date = Date(), in db: Database
    ) throws {
        var state = try loadState(caseID, db)
        let note = note?.trimmingCharacters(in: .whitespacesAndNewlines).nonEmpty
        let reason = reason?.trimmingCharacters(in: .whitespacesAndNewlines).nonEmpty
        var details: [String: String] = [:]
        if let status, status != state.status {
            if status == .closed { throw FollowUpError.closingNeedsReason(caseID: caseID) }
            if state.status == .closed {
                guard let reason else { throw FollowUpError.reopenNeedsReason(caseID: caseID) }
                try event(caseID, now, actor, "reopened", "closed → \(status.rawValue): \(reason)", db)
                details["reopened_because"] = reason
                state.closingReason = nil
            } else {
                try event(caseID, now, actor, "status", "\(state.status.rawValue) → \(status.rawValue)", db)
            }
            details["from"] = state.status.rawValue
            details["to"] = status.rawValue
            state.status = status
        } else if note == nil {
            throw FollowUpError.unchanged(caseID: caseID, status: state.status)
        }
        if let note {
            state.notes = appendNote(state.notes, note, actor, now)
            try event(caseID, now, actor, "note", note, db)
            details["note_chars"] = String(note.count)
        }
        state.updatedAt = now
        state.updatedBy = actor
        try state.update(db)
        try audit(caseID, now, actor, "followup.update", details, db)
    }

    /// Closes a case with a reason code (and an optional note).
    public static func close(
        caseID: Int64, reason: ClosingReason, note: String? = nil, by actor: String, at now: Date = Date(),
        in db: Database
    ) throws {
        var state = try loadState(caseID, db)
        if state.status == .closed { throw FollowUpError.alreadyClosed(caseID: caseID) }
        var details = ["from": state.status.rawValue, "reason": reason.rawValue]
        if let note = note?.trimmingCharacters(in: .whitespacesAndNewlines).nonEmpty {
            state.notes = appendNote(state.notes, note, actor, now)
            try event(caseID, now, actor, "note", note, db)
            details["note_chars"] = String(note.count)
        }
        try event(caseID, now, actor, "closed", "\(state.status.rawValue) → closed (\(reason.rawValue))", db)
        state.status = .closed
        state.closingReason = reason.rawValue
        state.updatedAt = now
        state.updatedBy = actor
        try state.update(db)
        try audit(caseID, now, actor, "followup.close", details, db)
    }

    /// Parses a status id, with the error listing the valid ones.
    public static func status(_ raw: String) throws -> FollowUpStateRecord.Status {
        guard let s = FollowUpStateRecord.Status(rawValue: raw.lowercased().replacingOccurrences(of: "-", with: "_"))
        else { throw FollowUpError.unknownStatus(raw) }
        return s
    }

    /// Parses a closing reason code, with the error listing the valid ones.
    public static func closingReason(_ raw: String) throws -> ClosingReason {
        guard let r = ClosingReason(rawValue: raw.lowercased().replacingOccurrences(of: "-", with: "_"))
        else { throw FollowUpError.unknownClosingReason(raw) }
        return r
    }

    // MARK: - helpers

    private static func loadState(_ caseID: Int64, _ db: Database) throws -> FollowUpStateRecord {
        if let s = try FollowUpStateRecord.fetchOne(db, key: caseID) { return s }
        guard try FollowUpCaseRecord.exists(db, key: caseID) else { throw FollowUpError.noSuchCase(caseID) }
        // A case without state (should not happen: the queue inserts both) starts as new.
        let s = FollowUpStateRecord(caseID: caseID, status: .new, updatedAt: Date(), updatedBy: "system")
        try s.insert(db)
        return s
    }

    private static func appendNote(_ notes: String, _ note: String, _ actor: String, _ now: Date) -> String {
        let stamp = ISO8601DateFormatter().string(from: now)
        let line = "[\(stamp) \(actor)] \(note)"
        return notes.isEmpty ? line : notes + "\n" + line
    }

    private static func event(_ caseID: Int64, _ at: Date, _ by: String, _ kind: String, _ detail: String,
                              _ db: Database) throws {
        var e = FollowUpEventRecord(caseID: caseID, at: at, by: by, kind: kind, detail: detail)
        try e.insert(db)
    }

    private static func audit(_ caseID: Int64, _ at: Date, _ actor: String, _ action: String,
                              _ details: [String: String], _ db: Database) throws {
        var a = AuditEntryRecord(actor: actor, action: action, entity: "followup_case", entityID: String(caseID),
                                 details: details, at: at)
        try a.insert(db)
    }
}

extension String {
    fileprivate var nonEmpty: String? { isEmpty ? nil : self }
}
