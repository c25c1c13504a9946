import Foundation
import GRDB

/// The human-owned side of a follow-up case: status, assignee, notes, closing reason.
///
/// Kept in its own table so that re-classification, which rewrites results and case snapshots, can never
/// overwrite what a person wrote. Only follow-up commands write here, and each change adds a `FollowUpEventRecord`.
public struct FollowUpStateRecord: Codable, Sendable, Hashable {
    public enum Status: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
        case new
        case inProgress = "in_progress"
        case contacted
        case closed
    }

    public var caseID: Int64
    public var status: Status
    public var assignee: String?
    public var notes: String
    public var closingReason: String?
    public var updatedAt: Date
    public var updatedBy: String

    public init(
        caseID: Int64, status: Status = .new, assignee: String? = nil, notes: String = "",
        closingReason: String? = nil, updatedAt: Date, updatedBy: String = "system"
    ) {
        self.caseID = caseID
        self.status = status
        self.assignee = assignee
        self.notes = notes
        self.closingReason = closingReason
        self.updatedAt = updatedAt
        self.updatedBy = updatedBy
    }

    public enum CodingKeys: String, CodingKey, ColumnExpression {
        case caseID = "case_id"
        case status, assignee, notes
        case closingReason = "closing_reason"
        case updatedAt = "updated_at"
        case updatedBy = "updated_by"
    }
    public typealias Columns = CodingKeys
}

extension FollowUpStateRecord: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "followup_state"
    public static let followUpCase = belongsTo(FollowUpCaseRecord.self)
}
