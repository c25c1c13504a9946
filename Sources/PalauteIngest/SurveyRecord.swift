/// One survey response as read from an export, before any analysis.
public struct SurveyRecord: Sendable, Hashable, Codable {
    /// The export's own id for the response (unique per source).
    public var externalID: String
    public var channel: String?
    public var unit: String?
    public var service: String?
    /// ISO date `yyyy-mm-dd` (Finnish `d.m.yyyy` is converted on read).
    public var visitedOn: String?
    /// 0–10, or nil when the respondent gave no score.
    public var score: Int?
    /// The free-text comment; may be empty.
    public var text: String
    /// The 1-based line of the source file where this row starts.
    public var line: Int

    public init(
        externalID: String, channel: String? = nil, unit: String? = nil, service: String? = nil,
        visitedOn: String? = nil, score: Int? = nil, text: String, line: Int
    ) {
        self.externalID = externalID
        self.channel = channel
        self.unit = unit
        self.service = service
        self.visitedOn = visitedOn
        self.score = score
        self.text = text
        self.line = line
    }
}

/// A row that could not be accepted, with enough detail for the quality team to fix the export.
public struct RejectedRow: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var field: String?
    public var reason: String

    public init(file: String, line: Int, field: String?, reason: String) {
        self.file = file
        self.line = line
        self.field = field
        self.reason = reason
    }

    public var description: String {
        "\(file):\(line): \(field.map { "field '\($0)': " } ?? "")\(reason)"
    }
}

/// What the reader yields for each row: a record that can land, or a rejection to report.
public enum IngestRow: Sendable {
    case record(SurveyRecord)
    case rejected(RejectedRow)
}
