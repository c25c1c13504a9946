/// The kind of a token; the classifier treats words, emoticons and emoji as signals and skips the rest.
public enum TokenKind: String, Codable, Sendable {
    case word, number, time, date, url, email, emoticon, emoji, punctuation, symbol
}

/// A token with its place in the original text, so evidence can point back at what the patient wrote.
public struct Token: Sendable, Hashable {
    public var kind: TokenKind
    /// The surface form exactly as written.
    public var text: String
    /// Unicode scalar offsets into the original text, end exclusive.
    public var range: Range<Int>

    public init(kind: TokenKind, text: String, range: Range<Int>) {
        self.kind = kind
        self.text = text
        self.range = range
    }
}
