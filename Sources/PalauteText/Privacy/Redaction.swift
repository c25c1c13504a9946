/// Kinds of personal data palaute removes before text leaves the machine or reaches an export.
public enum PIIKind: String, Codable, Sendable, CaseIterable {
    case hetu, phone, email, name

    /// The typed placeholder that replaces the data.
    public var placeholder: String {
        switch self {
        case .hetu: "[HETU]"
        case .phone: "[PUHELIN]"
        case .email: "[EMAIL]"
        case .name: "[NIMI]"
        }
    }
}

/// One redacted span: where it was in the original and where its placeholder is in the redacted text.
public struct RedactedSpan: Sendable, Hashable, Codable {
    public var kind: PIIKind
    /// Unicode scalar offsets into the original text.
    public var original: Range<Int>
    /// Unicode scalar offsets into the redacted text.
    public var redacted: Range<Int>

    public init(kind: PIIKind, original: Range<Int>, redacted: Range<Int>) {
        self.kind = kind
        self.original = original
        self.redacted = redacted
    }
}

/// The redacted text with the spans that were replaced, so offsets stay mappable.
public struct Redaction: Sendable, Hashable {
    public var text: String
    public var spans: [RedactedSpan]
    /// Things that look like personal identity codes but fail the checksum: reported, not silently passed.
    public var warnings: [String]

    public init(text: String, spans: [RedactedSpan] = [], warnings: [String] = []) {
        self.text = text
        self.spans = spans
        self.warnings = warnings
    }
}
