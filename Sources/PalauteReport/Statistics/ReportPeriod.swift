/// The period aggregates are grouped by. Keys match the SQL views: `month` is `yyyy-mm`, a week is keyed by its
/// Monday `yyyy-mm-dd` and labelled with its ISO 8601 week `yyyy-Www`.
public enum ReportPeriod: String, Sendable, CaseIterable, Codable {
    case month, week

    /// The period key of an ISO date `yyyy-mm-dd`; nil when the date cannot be read.
    public func key(forDay day: String) -> String? {
        guard let d = CivilDate(iso: day) else { return nil }
        switch self {
        case .month: return String(day.prefix(7))
        case .week: return d.adding(days: -d.isoWeekdayIndex).iso
        }
    }

    /// `yyyy-Www` of a date (the ISO year is the year of the week's Thursday).
    public static func isoWeek(ofDay day: String) -> String? {
        guard let d = CivilDate(iso: day) else { return nil }
        let thursday = d.adding(days: 3 - d.isoWeekdayIndex)
        let week = (thursday.dayOfYear - 1) / 7 + 1
        return "\(thursday.year)-W" + (week < 10 ? "0\(week)" : "\(week)")
    }
}

/// A proleptic Gregorian date without time zone, enough for period keys (no Foundation calendars involved).
struct CivilDate: Hashable, Comparable {
    var year: Int
    var month: Int
    var day: Int

    init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    init?(iso: String) {
        let parts = iso.prefix(10).split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...31).contains(d) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    init(daysSinceEpoch z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    /// 0 for Monday … 6 for Sunday.
    var isoWeekdayIndex: Int {
        // 1970-01-01 was a Thursday (index 3).
        ((daysSinceEpoch % 7) + 7 + 3) % 7
    }

    var dayOfYear: Int { daysSinceEpoch - CivilDate(year: year, month: 1, day: 1).daysSinceEpoch + 1 }

    func adding(days: Int) -> CivilDate { CivilDate(daysSinceEpoch: daysSinceEpoch + days) }

    var iso: String {
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(year)-\(two(month))-\(two(day))"
    }

    static func < (a: CivilDate, b: CivilDate) -> Bool { a.daysSinceEpoch < b.daysSinceEpoch }
}
