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

extension Redaction {
    /// Maps an offset in the original text to the redacted text; an offset inside a redacted span maps to the
    /// start of its placeholder.
    public func redactedOffset(forOriginal offset: Int) -> Int {
        var shift = 0
        for span in spans {
            if offset < span.original.lowerBound { break }
            if offset < span.original.upperBound { return span.redacted.lowerBound }
            shift = span.redacted.upperBound - span.original.upperBound
        }
        return offset + shift
    }

    /// Maps an offset in the redacted text back to the original; an offset inside a placeholder maps to the start
    /// of the span it replaced.
    public func originalOffset(forRedacted offset: Int) -> Int {
        var shift = 0
        for span in spans {
            if offset < span.redacted.lowerBound { break }
            if offset < span.redacted.upperBound { return span.original.lowerBound }
            shift = span.original.upperBound - span.redacted.upperBound
        }
        return offset + shift
    }
}
