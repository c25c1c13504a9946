/// Finnish personal identity codes (henkilötunnus): DDMMYY, a century sign, a three-digit individual number and
/// a check character.
///
/// Century signs follow the 2023 reform: "+" for the 1800s; "-", "Y", "X", "W", "V", "U" for the 1900s;
/// "A", "B", "C", "D", "E", "F" for the 2000s.
public enum PersonalIdentityCode {
    /// Why a code-shaped string is not a valid identity code.
    public enum Problem: String, Sendable, Hashable {
        case checksum = "the check character does not match"
        case date = "the date part is not a real date"
        case individualNumber = "the individual number 000 or 001 is not used"
    }

    static let checkCharacters = Array("0123456789ABCDEFHJKLMNPRSTUVWXY".unicodeScalars)

    /// The century a sign stands for, or nil for a character that is no century sign.
    public static func century(_ sign: Unicode.Scalar) -> Int? {
        // Typed in lower case on a phone ("131052a308t") the letters mean the same.
        var sign = sign
        if sign.value >= 0x61, sign.value <= 0x7A, let upper = Unicode.Scalar(sign.value - 0x20) { sign = upper }
        return switch sign {
        case "+": 1800
        case "-", "Y", "X", "W", "V", "U": 1900
        case "A", "B", "C", "D", "E", "F": 2000
        default: nil
        }
    }

    /// Validates an 11-character code; nil when it is valid.
    public static func problem(_ code: String) -> Problem? {
        let s = Array(code.unicodeScalars)
        guard s.count == 11, let c = century(s[6]) else { return .date }
        return problem(s, 0, century: c)
    }

    /// The check character for nine digits (DDMMYY + individual number).
    public static func checkCharacter(_ nineDigits: Int) -> Unicode.Scalar {
        checkCharacters[nineDigits % 31]
    }

    static func problem(_ s: [Unicode.Scalar], _ i: Int, century: Int) -> Problem? {
        var digits = 0
        for k in [0, 1, 2, 3, 4, 5, 7, 8, 9] {
            guard let d = digit(s[i + k]) else { return .date }
            digits = digits * 10 + d
        }
        let day = digits / 10_000_000, month = digits / 100_000 % 100, year = century + digits / 1_000 % 100
        let individual = digits % 1_000
        guard (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day) else { return .date }
        var check = s[i + 10]
        if check.value >= 0x61, check.value <= 0x7A, let upper = Unicode.Scalar(check.value - 0x20) { check = upper }
        if checkCharacter(digits) != check { return .checksum }
        if individual < 2 { return .individualNumber }
        return nil
    }

    static func digit(_ c: Unicode.Scalar) -> Int? {
        c.value >= 0x30 && c.value <= 0x39 ? Int(c.value - 0x30) : nil
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Whether the 11 scalars at `i` have the shape of a code: six digits, a century sign, three digits and a
    /// digit or letter (either case).
    static func hasShape(_ s: [Unicode.Scalar], _ i: Int) -> Bool {
        guard i + 11 <= s.count else { return false }
        for k in [0, 1, 2, 3, 4, 5, 7, 8, 9] where digit(s[i + k]) == nil { return false }
        guard century(s[i + 6]) != nil else { return false }
        let c = s[i + 10]
        return digit(c) != nil || (c.value >= 0x41 && c.value <= 0x5A) || (c.value >= 0x61 && c.value <= 0x7A)
    }
}
