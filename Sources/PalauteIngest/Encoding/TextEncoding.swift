/// The text encoding of an export, as detected from its first bytes.
public enum TextEncoding: String, Sendable, Hashable, Codable {
    /// UTF-8 without a byte-order mark.
    case utf8 = "utf-8"
    /// UTF-8 with a byte-order mark, as Excel's "CSV UTF-8" writes it.
    case utf8BOM = "utf-8-bom"
    /// Windows-1252, the superset of ISO-8859-1 that Finnish Excel writes for plain "CSV": the first 1 MiB is
    /// not valid UTF-8. Whatever the label, each field is read as UTF-8 when valid and as Windows-1252 otherwise.
    case windows1252 = "windows-1252"
}

/// Byte-level decoding helpers. Everything the CSV and JSONL readers split on is ASCII, which is the same
/// byte in UTF-8 and Windows-1252, so a file is split as bytes and only fields are decoded.
enum TextDecoding {
    /// Windows-1252 bytes 0x80–0x9F; the other bytes map to the same code point (ISO-8859-1).
    private static let cp1252High: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// Decodes Windows-1252 bytes into a String.
    static func windows1252(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for b in bytes {
            if b < 0x80 {
                out.append(b)
                continue
            }
            let cp: UInt32 = b < 0xA0 ? UInt32(cp1252High[Int(b - 0x80)]) : UInt32(b)
            if cp < 0x800 {
                out.append(UInt8(0xC0 | (cp >> 6)))
                out.append(UInt8(0x80 | (cp & 0x3F)))
            } else {
                out.append(UInt8(0xE0 | (cp >> 12)))
                out.append(UInt8(0x80 | ((cp >> 6) & 0x3F)))
                out.append(UInt8(0x80 | (cp & 0x3F)))
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes a field: UTF-8 when the bytes are valid UTF-8, Windows-1252 otherwise, so ä, ö and å survive
    /// either way, also in a UTF-8 file with one Latin-1 line pasted in. (Windows-1252 Finnish text is practically
    /// never valid UTF-8: that needs a letter À–ß followed by a byte 0x80–0xBF.)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var ascii = true
        for b in bytes where b >= 0x80 { ascii = false; break }
        if ascii { return String(decoding: bytes, as: UTF8.self) }
        if let s = String(validating: bytes, as: UTF8.self) { return s }
        return windows1252(bytes)
    }

    /// Whether `bytes` is valid UTF-8, allowing a sequence cut by the end of the buffer (a read chunk).
    static func isValidUTF8Prefix(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let len: Int
            if b & 0xE0 == 0xC0 { len = 2; if b < 0xC2 { return false } }
            else if b & 0xF0 == 0xE0 { len = 3 }
            else if b & 0xF8 == 0xF0 { len = 4; if b > 0xF4 { return false } }
            else { return false }
            if i + len > n {
                // Cut by the chunk boundary: check what is there.
                for j in (i + 1)..<n where bytes[j] & 0xC0 != 0x80 { return false }
                return true
            }
            for j in (i + 1)..<(i + len) where bytes[j] & 0xC0 != 0x80 { return false }
            i += len
        }
        return true
    }
}
