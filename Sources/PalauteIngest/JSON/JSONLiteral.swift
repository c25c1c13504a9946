/// JSON string literals for the JSON Lines palaute writes (classify output, exports): one escaping rule for all.
public enum JSONLiteral {
    /// A quoted JSON string; quotes, backslashes, control characters and U+2028/2029 escaped.
    public static func string(_ s: String) -> String {
        // Most texts need no escape: one pass over the bytes decides.
        var clean = true
        var previous: (UInt8, UInt8) = (0, 0)
        for b in s.utf8 {
            // `"`, `\`, control characters; U+2028/2029 are E2 80 A8/A9.
            if b == 0x22 || b == 0x5C || b < 0x20 || (previous == (0xE2, 0x80) && (b == 0xA8 || b == 0xA9)) {
                clean = false
                break
            }
            previous = (previous.1, b)
        }
        if clean { return "\"" + s + "\"" }
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}", "\u{2029}": out += "\\u" + String(u.value, radix: 16)
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}
