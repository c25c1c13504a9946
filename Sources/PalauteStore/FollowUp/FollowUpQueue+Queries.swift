import Foundation
import GRDB

/// A case as people see it: the machine snapshot joined with the human state. Only redacted text.
public struct FollowUpCaseView: Codable, Sendable, Hashable {
    public struct Topic: Codable, Sendable, Hashable {
        public var topic: String
        public var label: String
    }

    public struct Event: Codable, Sendable, Hashable {
        public var at: Date
        public var by: String
        public var kind: String
        public var detail: String
    }

    public var id: Int64
    public var responseID: Int64
    public var source: String?
    public var externalID: String?
    public var unit: String?
    public var visitedOn: String?
    public var priority: String
    public var reason: String
    public var status: String
    public var assignee: String?
    public var openedAt: Date
    public var dueAt: Date?
    /// Past due and not closed, at the time of the query.
    public var overdue: Bool
    public var score: Int?
    public var nps: String?
    public var sentiment: String?
    public var flags: [String]
    public var topics: [Topic]
    public var redactedText: String
    public var notes: String
    public var closingReason: String?
    public var updatedAt: Date
    public var updatedBy: String
    /// The history, oldest first; filled by `show` only.
    public var events: [Event]?

    enum CodingKeys: String, CodingKey {
        case id
        case responseID = "response_id"
        case source
        case externalID = "external_id"
        case unit
        case visitedOn = "visited_on"
        case priority, reason, status, assignee
        case openedAt = "opened_at"
        case dueAt = "due_at"
        case overdue, score, nps, sentiment, flags, topics
        case redactedText = "redacted_text"
        case notes
        case closingReason = "closing_reason"
        case updatedAt = "updated_at"
        case updatedBy = "updated_by"
        case events
    }
}

/// Which cases `list` returns. Without a status filter, closed cases are left out.
public struct FollowUpFilter: Sendable, Equatable {
    public var unit: String?
    public var priority: FollowUpCaseRecord.Priority?
    public var status: FollowUpStateRecord.Status?
    public var overdueOnly: Bool
    public var includeClosed: Bool
    public var limit: Int?

    public init(unit: String? = nil, priority: FollowUpCaseRecord.Priority? = nil,
                status: FollowUpStateRecord.Status? = nil, overdueOnly: Bool = false, includeClosed: Bool = false,
                limit: Int? = nil) {
        self.unit = unit
        self.priority = priority
        self.status = status
        self.overdueOnly = overdueOnly
        self.includeClosed = includeClosed
        self.limit = limit
    }
}

extension FollowUpQueue {
    private static let selectSQL = """
        SELECT c.id, c.response_id, r.source, r.external_id, c.unit, r.visited_on, c.priority, c.reason,
               COALESCE(s.status, 'new') AS status, s.assignee, c.opened_at, c.due_at, c.score, c.nps, c.sentiment,
               c.flags, c.topics, c.redacted_text, COALESCE(s.notes, '') AS notes, s.closing_reason,
               COALESCE(s.updated_at, c.updated_at) AS updated_at, COALESCE(s.updated_by, 'system') AS updated_by
        FROM followup_case c
        LEFT JOIN followup_state s ON s.case_id = c.id
        LEFT JOIN response r ON r.id = c.response_id
        """

    /// Cases matching `filter`, most urgent first, then by due date.
    public static func list(_ filter: FollowUpFilter = FollowUpFilter(), now: Date = Date(), in db: Database) throws
        -> [FollowUpCaseView]
    {
        var clauses: [String] = []
        var args: [any DatabaseValueConvertible] = []
        if let unit = filter.unit {
            clauses.append("c.unit = ?")
            args.append(unit)
        }
        if let p = filter.priority {
            clauses.append("c.priority = ?")
            args.append(p.rawValue)
        }
        if let s = filter.status {
            clauses.append("COALESCE(s.status, 'new') = ?")
            args.append(s.rawValue)
        } else if !filter.includeClosed && !filter.overdueOnly {
            clauses.append("COALESCE(s.status, 'new') <> 'closed'")
        }
        if filter.overdueOnly {
            clauses.append("COALESCE(s.status, 'new') <> 'closed' AND c.due_at < ?")
            args.append(now)
        }
        var sql = selectSQL
        if !clauses.isEmpty { sql += " WHERE " + clauses.joined(separator: " AND ") }
        sql += """
             ORDER BY CASE c.priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END,
                      c.due_at, c.id
            """
        if let limit = filter.limit { sql += " LIMIT \(max(0, limit))" }
        return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args)).map { view($0, now) }
    }

    /// One case with its history.
    public static func show(caseID: Int64, now: Date = Date(), in db: Database) throws -> FollowUpCaseView {
        guard let row = try Row.fetchOne(db, sql: selectSQL + " WHERE c.id = ?", arguments: [caseID]) else {
            throw FollowUpError.noSuchCase(caseID)
        }
        var v = view(row, now)
        v.events = try FollowUpEventRecord
            .filter(FollowUpEventRecord.Columns.caseID == caseID)
            .order(FollowUpEventRecord.Columns.at, FollowUpEventRecord.Columns.id)
            .fetchAll(db)
            .map { FollowUpCaseView.Event(at: $0.at, by: $0.by, kind: $0.kind, detail: $0.detail) }
        return v
    }

    private static func view(_ row: Row, _ now: Date) -> FollowUpCaseView {
        let status: String = row["status"]
        let due: Date? = row["due_at"]
        let topics = ((try? JSONDecoder().decode([TopicJSON].self, from: Data((row["topics"] as String).utf8))) ?? [])
            .map { FollowUpCaseView.Topic(topic: $0.topic, label: $0.label) }
        return FollowUpCaseView(
            id: row["id"], responseID: row["response_id"], source: row["source"], externalID: row["external_id"],
            unit: row["unit"], visitedOn: row["visited_on"], priority: row["priority"], reason: row["reason"],
            status: status, assignee: row["assignee"], openedAt: row["opened_at"], dueAt: due,
            overdue: status != "closed" && (due.map { $0 < now } ?? false), score: row["score"], nps: row["nps"],
            sentiment: row["sentiment"], flags: decodeStrings(row["flags"]), topics: topics,
            redactedText: row["redacted_text"], notes: row["notes"], closingReason: row["closing_reason"],
            updatedAt: row["updated_at"], updatedBy: row["updated_by"], events: nil)
    }
}
