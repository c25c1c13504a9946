/// Why a follow-up case was closed: a fixed list so the quality team can count outcomes.
public enum ClosingReason: String, CaseIterable, Codable, Sendable {
    /// The problem was dealt with (patient contacted and the matter resolved or explained).
    case resolved
    /// The patient was contacted; nothing further to do.
    case contactedNoAction = "contacted_no_action"
    /// The patient could not be reached after reasonable attempts.
    case unreachable
    /// Another case covers the same matter.
    case duplicate
    /// Nothing to follow up (misclassified, no actionable content).
    case notActionable = "not_actionable"
    /// Handed over to another process: patient ombudsman, formal complaint, safety incident report.
    case referred

    /// One line for `--help` and error messages.
    public static var list: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
