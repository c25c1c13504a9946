/// Parsing of the fields that have a fixed form: the 0–10 score and the visit date.
public enum FieldValidation {
    /// A score problem, worded for the quality team.
    public enum ScoreError: Error, Equatable, Sendable {
        case notAnInteger(String)
        case outOfRange(Int)

        public var reason: String {
            switch self {
            case .notAnInteger(let s): "score \(FieldValidation.quote(s)) is not an integer 0–10"
            case .outOfRange(let n): "score \(n) is outside 0–10"
            }
        }
    }

    /// `nil` for an empty score; an integer 0–10 (surrounding spaces allowed) otherwise; anything else throws.
    public static func score(_ raw: String) throws(ScoreError) -> Int? {
        let s = raw.trimmingSpaces
        if s.isEmpty { return nil }
        var value = 0
        var digits = 0
        var negative = false
        for (i, b) in s.utf8.enumerated() {
            if i == 0 && (b == UInt8(ascii: "-") || b == UInt8(ascii: "+")) && s.utf8.count > 1 {
                negative = b == UInt8(ascii: "-")
                continue
            }
            guard b >= 48 && b <= 57, digits < 6 else { throw .notAnInteger(s) }
            value = value * 10 + Int(b - 48)
            digits += 1
        }
        if negative { value = -value }
        guard (0...10).contains(value) else { throw .outOfRange(value) }
        return value
    }

    /// A date problem, worded for the quality team.
    public struct DateError: Error, Equatable, Sendable {
        public var raw: String
        public var reason: String { "date \(FieldValidation.quote(raw)) is not a date (yyyy-mm-dd or d.m.yyyy)" }
    }

    /// `nil` for an empty date; ISO `yyyy-mm-dd` for ISO dates (a time part is dropped) and Finnish `d.m.yyyy`
    /// (optionally followed by a time, e.g. `2.3.2026 klo 14.05`); anything else, or a day that does not exist, throws.
    public static func date(_ raw: String) throws(DateError) -> String? {
        let s = raw.trimmingSpaces
        if s.isEmpty { return nil }
        let bytes = Array(s.utf8)
        var y = 0, m = 0, d = 0
        func number(_ from: Int, _ maxDigits: Int) -> (Int, Int)? {
            var i = from, v = 0
            while i < bytes.count, i - from < maxDigits, bytes[i] >= 48, bytes[i] <= 57 { v = v * 10 + Int(bytes[i] - 48); i += 1 }
            return i == from ? nil : (v, i)
        }
        var end: Int
        if bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
           let (yy, e1) = number(0, 4), e1 == 4, let (mm, e2) = number(5, 2), e2 == 7, let (dd, e3) = number(8, 2), e3 == 10
        {
            (y, m, d, end) = (yy, mm, dd, 10)
            // ISO time part: `T…` or ` …`.
            if end < bytes.count, bytes[end] != UInt8(ascii: "T"), bytes[end] != UInt8(ascii: " ") { throw DateError(raw: s) }
        } else if let (dd, e1) = number(0, 2), e1 < bytes.count, bytes[e1] == UInt8(ascii: "."),
                  let (mm, e2) = number(e1 + 1, 2), e2 < bytes.count, bytes[e2] == UInt8(ascii: "."),
                  let (yy, e3) = number(e2 + 1, 4), e3 - e2 - 1 == 4
        {
            (y, m, d, end) = (yy, mm, dd, e3)
            // A trailing time: ` 14:05`, ` klo 14.05`.
            if end < bytes.count, bytes[end] != UInt8(ascii: " ") { throw DateError(raw: s) }
        } else {
            throw DateError(raw: s)
        }
        guard (1...12).contains(m), d >= 1, d <= daysIn(month: m, year: y), (1900...2999).contains(y) else {
            throw DateError(raw: s)
        }
        return "\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)"
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Quotes a short value in a reason; a long one (a comment in the wrong column, which may hold a phone number
    /// or identity code) is only described, so rejects files and stderr never carry comment text.
    static func quote(_ s: String) -> String { s.count <= 12 ? "'\(s)'" : "(a \(s.count)-character text)" }
}
