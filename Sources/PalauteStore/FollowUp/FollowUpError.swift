/// A follow-up command that was refused, with a message that says what to do instead.
public enum FollowUpError: Error, Sendable, Equatable, CustomStringConvertible {
    case noSuchCase(Int64)
    /// Closing goes through `close` with a reason code.
    case closingNeedsReason(caseID: Int64)
    case unknownClosingReason(String)
    case unknownStatus(String)
    /// A closed case is reopened only when someone says why.
    case reopenNeedsReason(caseID: Int64)
    case alreadyClosed(caseID: Int64)
    /// The update would change nothing (same status, no note).
    case unchanged(caseID: Int64, status: FollowUpStateRecord.Status)
    case emptyAssignee

    public var description: String {
        switch self {
        case .noSuchCase(let id):
            "no follow-up case \(id) (see `palaute followups list`)"
        case .closingNeedsReason(let id):
            "case \(id): closing needs a reason code: `palaute followups close \(id) --reason CODE` "
                + "(codes: \(ClosingReason.list))"
        case .unknownClosingReason(let r):
            "unknown closing reason '\(r)' (codes: \(ClosingReason.list))"
        case .unknownStatus(let s):
            "unknown status '\(s)' (statuses: new, in_progress, contacted, closed)"
        case .reopenNeedsReason(let id):
            "case \(id) is closed: reopening it needs --reason TEXT saying why"
        case .alreadyClosed(let id):
            "case \(id) is already closed; to reopen it use `palaute followups update \(id) --status in_progress "
                + "--reason TEXT`"
        case let .unchanged(id, status):
            "case \(id) is already \(status.rawValue); nothing to change (add --note to record a note)"
        case .emptyAssignee:
            "the assignee must not be empty"
        }
    }
}
