import Foundation
import GRDB
import PalauteClassify
import PalauteStore

/// A follow-up case with its human state: what `v_followup_queue` shows, as a value.
struct FollowUpRow: Sendable {
    var caseID: Int64
    var responseID: Int64
    var source: String
    var externalID: String
    var visitedOn: String?
    var openedAt: Date
    var priority: FollowUpCaseRecord.Priority
    var dueAt: Date?
    var reason: String
    var unit: String?
    var score: Int?
    var nps: String?
    var sentiment: Sentiment?
    var flags: [Flag]
    var topics: [TopicLabel]
    /// The machine snapshot's redacted text.
    var redactedText: String
    /// The response's original text: only for `--include-pii` exports.
    var originalText: String
    var status: FollowUpStateRecord.Status
    var assignee: String?

    var isOpen: Bool { status != .closed }
    func isOverdue(at now: Date) -> Bool { isOpen && (dueAt.map { $0 < now } ?? false) }

    /// Priority order: urgent first.
    var priorityRank: Int {
        switch priority {
        case .urgent: 1
        case .high: 2
        case .normal: 3
        case .low: 4
        }
    }

    static func fetchAll(_ db: Database, openOnly: Bool) throws -> [FollowUpRow] {
        let sql = """
            SELECT c.id, c.response_id, r.source, r.external_id, r.visited_on, c.opened_at, c.priority, c.due_at,
                c.reason, c.unit, c.score, c.nps, c.sentiment, c.flags, c.topics, c.redacted_text, r.text,
                coalesce(s.status, 'new') AS status, s.assignee
            FROM followup_case c
            JOIN response r ON r.id = c.response_id
            LEFT JOIN followup_state s ON s.case_id = c.id
            \(openOnly ? "WHERE coalesce(s.status, 'new') <> 'closed'" : "")
            ORDER BY CASE c.priority WHEN 'urgent' THEN 1 WHEN 'high' THEN 2 WHEN 'normal' THEN 3 ELSE 4 END,
                c.due_at IS NULL, c.due_at, c.id
            """
        return try Row.fetchAll(db, sql: sql).map { row in
            FollowUpRow(
                caseID: row["id"], responseID: row["response_id"], source: row["source"],
                externalID: row["external_id"], visitedOn: row["visited_on"], openedAt: row["opened_at"],
                priority: FollowUpCaseRecord.Priority(rawValue: row["priority"]) ?? .normal, dueAt: row["due_at"],
                reason: row["reason"], unit: row["unit"], score: row["score"], nps: row["nps"],
                sentiment: (row["sentiment"] as String?).flatMap(Sentiment.init(rawValue:)),
                flags: decodeFlags(row["flags"]), topics: decodeTopics(row["topics"]),
                redactedText: row["redacted_text"], originalText: row["text"],
                status: FollowUpStateRecord.Status(rawValue: row["status"]) ?? .new, assignee: row["assignee"])
        }
    }

    private struct TopicJSON: Decodable { var topic: String; var label: String }

    static func decodeFlags(_ json: String?) -> [Flag] {
        guard let data = json?.data(using: .utf8), let ids = try? JSONDecoder().decode([String].self, from: data)
        else { return [] }
        return ids.compactMap(Flag.init(rawValue:)).sorted()
    }

    static func decodeTopics(_ json: String?) -> [TopicLabel] {
        guard let data = json?.data(using: .utf8), let items = try? JSONDecoder().decode([TopicJSON].self, from: data)
        else { return [] }
        return items.compactMap { i in
            guard let t = Topic(rawValue: i.topic), let l = MentionLabel(rawValue: i.label) else { return nil }
            return TopicLabel(topic: t, label: l)
        }.sorted()
    }
}
