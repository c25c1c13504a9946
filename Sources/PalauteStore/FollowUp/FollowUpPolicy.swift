import Foundation

/// Service-level targets of the follow-up queue: how many working days each priority has, and which days count.
///
/// Weekends never count. Finnish public holidays that fall on a weekday are skipped too unless turned off, and a
/// site may add its own closed days. Due dates are computed in the unit's time zone (default Europe/Helsinki) and
/// fall at the end (23:59:59) of the last working day. The file form (`--sla FILE`) is JSON, e.g.
/// `{"sla_working_days": {"urgent": 1, "high": 2, "normal": 2}, "finnish_holidays": true, "holidays": ["2026-12-31"]}`.
public struct FollowUpPolicy: Codable, Sendable, Equatable {
    /// Working days from the opening day to the due day, by priority id (`urgent`, `high`, `normal`, `low`).
    public var workingDays: [String: Int]
    /// Skip Finnish public holidays that fall on a weekday (New Year, Epiphany, Good Friday, Easter Monday,
    /// May Day, Ascension, Midsummer Eve, Independence Day, Christmas Eve, Christmas, Boxing Day).
    public var finnishHolidays: Bool
    /// Further closed days, ISO `yyyy-mm-dd`.
    public var holidays: [String]
    /// IANA time zone in which a day starts and ends.
    public var timeZone: String

    public init(
        workingDays: [String: Int] = ["urgent": 1, "high": 2, "normal": 2, "low": 5], finnishHolidays: Bool = true,
        holidays: [String] = [], timeZone: String = "Europe/Helsinki"
    ) {
        self.workingDays = workingDays
        self.finnishHolidays = finnishHolidays
        self.holidays = holidays
        self.timeZone = timeZone
    }

    /// Urgent one working day, the others two (low five), Finnish holidays skipped, Helsinki time.
    public static let `default` = FollowUpPolicy()

    enum CodingKeys: String, CodingKey {
        case workingDays = "sla_working_days"
        case finnishHolidays = "finnish_holidays"
        case holidays
        case timeZone = "time_zone"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = FollowUpPolicy.default
        var days = d.workingDays
        for (k, v) in try c.decodeIfPresent([String: Int].self, forKey: .workingDays) ?? [:] { days[k] = v }
        workingDays = days
        finnishHolidays = try c.decodeIfPresent(Bool.self, forKey: .finnishHolidays) ?? d.finnishHolidays
        holidays = try c.decodeIfPresent([String].self, forKey: .holidays) ?? []
        timeZone = try c.decodeIfPresent(String.self, forKey: .timeZone) ?? d.timeZone
    }

    /// Reads and validates a policy file; the error names the file and the problem.
    public static func load(from url: URL) throws -> FollowUpPolicy {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw PolicyError(file: url.path, problem: "cannot read: \(error.localizedDescription)")
        }
        let policy: FollowUpPolicy
        do { policy = try JSONDecoder().decode(FollowUpPolicy.self, from: data) } catch {
            throw PolicyError(file: url.path, problem: "not a valid policy: \(error)")
        }
        try policy.validate(file: url.path)
        return policy
    }

    func validate(file: String) throws {
        for (k, v) in workingDays {
            guard FollowUpCaseRecord.Priority(rawValue: k) != nil else {
                throw PolicyError(file: file, problem: "unknown priority '\(k)' (use urgent, high, normal, low)")
            }
            guard (0...60).contains(v) else {
                throw PolicyError(file: file, problem: "working days for '\(k)' must be 0…60, not \(v)")
            }
        }
        for h in holidays where Self.parseISODate(h) == nil {
            throw PolicyError(file: file, problem: "holiday '\(h)' is not a yyyy-mm-dd date")
        }
        guard TimeZone(identifier: timeZone) != nil else {
            throw PolicyError(file: file, problem: "unknown time zone '\(timeZone)'")
        }
    }

    var calendar: Calendar {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: timeZone) ?? TimeZone(identifier: "UTC")!
        return cal
    }

    /// The moment a case opened at `openedAt` with `priority` is due: the end of the N-th working day after the
    /// opening day (the opening day itself does not count, so a weekend opening is due from Monday on).
    public func dueDate(openedAt: Date, priority: FollowUpCaseRecord.Priority) -> Date {
        let cal = calendar
        let n = workingDays[priority.rawValue] ?? 2
        var day = cal.startOfDay(for: openedAt)
        var left = n
        // n == 0: due the same day if it is a working day, else the next working day.
        if left == 0 {
            while !isWorkingDay(day, cal) { day = cal.date(byAdding: .day, value: 1, to: day)! }
        }
        while left > 0 {
            day = cal.date(byAdding: .day, value: 1, to: day)!
            if isWorkingDay(day, cal) { left -= 1 }
        }
        let next = cal.date(byAdding: .day, value: 1, to: day)!
        return next.addingTimeInterval(-1)
    }

    /// Whether the day starting at `dayStart` is a working day under this policy.
    public func isWorkingDay(_ dayStart: Date) -> Bool { isWorkingDay(dayStart, calendar) }

    func isWorkingDay(_ day: Date, _ cal: Calendar) -> Bool {
        let c = cal.dateComponents([.year, .month, .day, .weekday], from: day)
        if c.weekday == 1 || c.weekday == 7 { return false }
        let iso = String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
        if holidays.contains(iso) { return false }
        if finnishHolidays, FinnishHolidays.dates(year: c.year!).contains(iso) { return false }
        return true
    }

    /// The calendar date (in the policy's time zone) of a moment, as `yyyy-mm-dd`.
    public func isoDay(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }

    static func parseISODate(_ s: String) -> (Int, Int, Int)? {
        let p = s.split(separator: "-")
        guard p.count == 3, p[0].count == 4, let y = Int(p[0]), let m = Int(p[1]), let d = Int(p[2]),
              (1...12).contains(m), (1...31).contains(d) else { return nil }
        return (y, m, d)
    }
}

/// A policy file that could not be used.
public struct PolicyError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var problem: String
    public var description: String { "\(file): \(problem)" }
}

/// Finnish public holidays (and the de facto closed Midsummer Eve and Christmas Eve) of a year, as ISO dates.
public enum FinnishHolidays {
    public static func dates(year: Int) -> Set<String> {
        func iso(_ m: Int, _ d: Int) -> String { String(format: "%04d-%02d-%02d", year, m, d) }
        var out: Set<String> = [iso(1, 1), iso(1, 6), iso(5, 1), iso(12, 6), iso(12, 24), iso(12, 25), iso(12, 26)]
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        let (em, ed) = easter(year: year)
        let easterDay = cal.date(from: DateComponents(year: year, month: em, day: ed))!
        for offset in [-2, 1, 39] {  // Good Friday, Easter Monday, Ascension Day
            let c = cal.dateComponents([.month, .day], from: cal.date(byAdding: .day, value: offset, to: easterDay)!)
            out.insert(iso(c.month!, c.day!))
        }
        // Midsummer Eve: the Friday between 19 and 25 June.
        for d in 19...25 {
            let date = cal.date(from: DateComponents(year: year, month: 6, day: d))!
            if cal.component(.weekday, from: date) == 6 { out.insert(iso(6, d)) }
        }
        return out
    }

    /// Easter Sunday (month, day) by the anonymous Gregorian algorithm.
    public static func easter(year y: Int) -> (Int, Int) {
        let a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4
        let f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return (month, day)
    }
}
