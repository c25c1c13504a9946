/// Splits UTF-8 text into tokens that keep Unicode scalar offsets into the original.
public struct Tokenizer: Sendable {
    public init() {}

    public func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            if s.properties.isWhitespace {
                i += 1
                continue
            }
            if s.properties.isAlphabetic || s.properties.numericType != nil {
                let start = i
                let numeric = s.properties.numericType != nil
                i += 1
                while i < scalars.count {
                    let c = scalars[i]
                    if c.properties.isAlphabetic || c.properties.numericType != nil {
                        i += 1
                    } else if c == "-" || c == "'" || c == ":", i + 1 < scalars.count,
                              scalars[i + 1].properties.isAlphabetic, !numeric {
                        i += 2
                    } else {
                        break
                    }
                }
                let word = String(String.UnicodeScalarView(scalars[start..<i]))
                tokens.append(Token(kind: numeric ? .number : .word, text: word, range: start..<i))
                continue
            }
            tokens.append(Token(kind: .punctuation, text: String(s), range: i..<(i + 1)))
            i += 1
        }
        return tokens
    }
}
