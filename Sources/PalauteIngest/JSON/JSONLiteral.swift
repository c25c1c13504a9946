/// JSON string literals for the JSON Lines palaute writes (classify output, exports): one escaping rule for all.
public enum JSONLiteral {
    /// A quoted JSON string; quotes, backslashes, control characters and U+2028/2029 escaped.
    public static func string(_ s: String) -> String {
        if needsNoEscape(s) { return "\"" + s + "\"" }
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

    /// Whether `s` can be written between quotes as it is (most texts: one pass over the bytes decides).
    public static func needsNoEscape(_ s: String) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for b in s.utf8 {
            // `"`, `\`, control characters; U+2028/2029 are E2 80 A8/A9.
            if b == 0x22 || b == 0x5C || b < 0x20 || (previous == (0xE2, 0x80) && (b == 0xA8 || b == 0xA9)) {
                return false
            }
            previous = (previous.1, b)
        }
        return true
    }

    /// Appends the quoted literal of `s` to a byte buffer, without building an intermediate string when no
    /// escape is needed (exports write millions of them).
    public static func append(_ s: String, to out: inout [UInt8]) {
        if needsNoEscape(s) {
            out.append(0x22)
            out.append(contentsOf: s.utf8)
            out.append(0x22)
        } else {
            out.append(contentsOf: string(s).utf8)
        }
    }

    /// Appends the decimal digits of `v` (what `String(v)` gives) to a byte buffer.
    public static func append(_ v: Int, to out: inout [UInt8]) {
        if v == 0 { out.append(0x30); return }
        var m = v.magnitude
        var digits: [UInt8] = []
        digits.reserveCapacity(20)
        while m > 0 {
            digits.append(0x30 + UInt8(m % 10))
            m /= 10
        }
        if v < 0 { out.append(0x2D) }
        out.append(contentsOf: digits.reversed())
    }
}
