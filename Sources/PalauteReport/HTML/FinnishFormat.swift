import Foundation
import PalauteClassify
import PalauteStore

/// Finnish wording and number formats of the report (decimal comma, real minus sign, d.m.yyyy dates).
enum Finnish {
    static let helsinki = TimeZone(identifier: "Europe/Helsinki") ?? TimeZone(secondsFromGMT: 7200)!

    /// `12,5`, `−3,0`; nil as an en dash.
    static func number(_ v: Double?, digits: Int = 1) -> String {
        guard let v, v.isFinite else { return "–" }
        var s = String(format: "%.\(digits)f", abs(v)).replacingOccurrences(of: ".", with: ",")
        let isZero = s.allSatisfy { $0 == "0" || $0 == "," }
        if v < 0 && !isZero { s = "\u{2212}" + s }
        return s
    }

    /// Signed with `+` for positive values, for differences.
    static func signed(_ v: Double?, digits: Int = 1) -> String {
        guard let v, v.isFinite else { return "–" }
        let s = number(v, digits: digits)
        return v > 0 && s != number(0, digits: digits) ? "+" + s : s
    }

    /// Integers with a no-break space between thousands from 10 000 up (Finnish practice).
    static func integer(_ v: Int) -> String {
        let s = String(abs(v))
        guard s.count > 4 else { return v < 0 ? "\u{2212}" + s : s }
        var out = ""
        for (i, ch) in s.enumerated() {
            if i > 0 && (s.count - i) % 3 == 0 { out += "\u{00A0}" }
            out.append(ch)
        }
        return v < 0 ? "\u{2212}" + out : out
    }

    static func percent(_ share: Double?) -> String {
        guard let share else { return "–" }
        return number(100 * share, digits: 0) + "\u{00A0}%"
    }

    /// `2.3.2026` from an ISO date.
    static func date(iso: String?) -> String {
        guard let iso, let d = CivilDate(iso: iso) else { return "–" }
        return "\(d.day).\(d.month).\(d.year)"
    }

    /// `2.3.2026 klo 14.05`, Helsinki time.
    static func dateTime(_ date: Date?) -> String {
        guard let date else { return "–" }
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = helsinki
        let c = cal.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let minute = (c.minute ?? 0) < 10 ? "0\(c.minute ?? 0)" : "\(c.minute ?? 0)"
        return "\(c.day ?? 0).\(c.month ?? 0).\(c.year ?? 0) klo \(c.hour ?? 0).\(minute)"
    }

    /// `2.3.2026`, Helsinki time.
    static func day(_ date: Date?) -> String {
        guard let date else { return "–" }
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = helsinki
        let c = cal.dateComponents([.year, .month, .day], from: date)
        return "\(c.day ?? 0).\(c.month ?? 0).\(c.year ?? 0)"
    }

    static let monthNames = ["tammikuu", "helmikuu", "maaliskuu", "huhtikuu", "toukokuu", "kesäkuu", "heinäkuu",
                             "elokuu", "syyskuu", "lokakuu", "marraskuu", "joulukuu"]

    /// `maaliskuu 2026` from `2026-03`.
    static func month(_ key: String) -> String {
        let p = key.split(separator: "-")
        guard p.count == 2, let y = Int(p[0]), let m = Int(p[1]), (1...12).contains(m) else { return key }
        return "\(monthNames[m - 1]) \(y)"
    }

    /// `3/26` from `2026-03`, for axes.
    static func shortMonth(_ key: String) -> String {
        let p = key.split(separator: "-")
        guard p.count == 2, let y = Int(p[0]), let m = Int(p[1]) else { return key }
        return "\(m)/\(y % 100 < 10 ? "0" : "")\(y % 100)"
    }

    static func sentiment(_ s: Sentiment?) -> String {
        switch s {
        case .positive: "myönteinen"
        case .negative: "kielteinen"
        case .neutral: "neutraali"
        case .mixed: "kaksijakoinen"
        case nil: "–"
        }
    }

    static func priority(_ p: FollowUpCaseRecord.Priority) -> String {
        switch p {
        case .urgent: "kiireellinen"
        case .high: "korkea"
        case .normal: "normaali"
        case .low: "matala"
        }
    }

    static func status(_ s: FollowUpStateRecord.Status) -> String {
        switch s {
        case .new: "uusi"
        case .inProgress: "työn alla"
        case .contacted: "yhteydessä oltu"
        case .closed: "suljettu"
        }
    }

    static func flag(_ f: Flag) -> String {
        switch f {
        case .safety: "potilasturvallisuus"
        case .contactRequest: "yhteydenottopyyntö"
        case .formalComplaint: "muistutus tai kantelu"
        }
    }

    static func runStatus(_ s: NightlyRunRecord.Status) -> String {
        switch s {
        case .running: "käynnissä"
        case .succeeded: "onnistui"
        case .partial: "osittain onnistunut"
        case .failed: "epäonnistui"
        }
    }

    static func unit(_ u: String?) -> String {
        guard let u, !u.isEmpty else { return "(yksikkö puuttuu)" }
        return u
    }
}
