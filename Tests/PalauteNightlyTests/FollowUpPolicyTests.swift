import Foundation
import PalauteStore
import Testing

@Suite struct FollowUpPolicyTests {
    let policy = FollowUpPolicy.default

    /// Noon, Helsinki time, on an ISO date.
    func helsinkiNoon(_ iso: String) -> Date {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "Europe/Helsinki")!
        let p = iso.split(separator: "-").map { Int($0)! }
        return cal.date(from: DateComponents(year: p[0], month: p[1], day: p[2], hour: 12))!
    }

    func due(_ opened: String, _ priority: FollowUpCaseRecord.Priority, _ p: FollowUpPolicy? = nil) -> String {
        let policy = p ?? self.policy
        return policy.isoDay(policy.dueDate(openedAt: helsinkiNoon(opened), priority: priority))
    }

    @Test func weekdayOpeningsCountWorkingDays() {
        #expect(due("2026-11-18", .urgent) == "2026-11-19")  // Wed → Thu
        #expect(due("2026-11-18", .normal) == "2026-11-20")  // Wed → Fri
        #expect(due("2026-11-19", .high) == "2026-11-23")  // Thu → Mon
    }

    @Test func fridayOpeningsSkipTheWeekend() {
        #expect(due("2026-11-20", .urgent) == "2026-11-23")  // Fri → Mon
        #expect(due("2026-11-20", .high) == "2026-11-24")  // Fri → Tue
        #expect(due("2026-11-20", .normal) == "2026-11-24")
    }

    @Test func weekendOpeningsStartCountingOnMonday() {
        #expect(due("2026-11-21", .urgent) == "2026-11-23")  // Sat → Mon
        #expect(due("2026-11-22", .urgent) == "2026-11-23")  // Sun → Mon
        #expect(due("2026-11-22", .normal) == "2026-11-24")  // Sun → Tue
    }

    @Test func dueAtTheEndOfTheDueDay() {
        let d = policy.dueDate(openedAt: helsinkiNoon("2026-11-20"), priority: .urgent)
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "Europe/Helsinki")!
        let c = cal.dateComponents([.hour, .minute, .second], from: d)
        #expect(c.hour == 23 && c.minute == 59 && c.second == 59)
    }

    @Test func finnishHolidaysAreSkippedUnlessTurnedOff() {
        #expect(FinnishHolidays.easter(year: 2026) == (4, 5))
        #expect(FinnishHolidays.easter(year: 2027) == (3, 28))
        let h2026 = FinnishHolidays.dates(year: 2026)
        #expect(h2026.isSuperset(of: ["2026-04-03", "2026-04-06", "2026-05-14", "2026-06-19", "2026-12-24"]))
        // Wed 23 Dec: 24–26 are holidays, 27 is Sunday → Mon 28 Dec.
        #expect(due("2026-12-23", .urgent) == "2026-12-28")
        // Thu 2 Apr 2026: Good Friday and Easter Monday → Tue 7 Apr.
        #expect(due("2026-04-02", .urgent) == "2026-04-07")
        var plain = policy
        plain.finnishHolidays = false
        #expect(due("2026-12-23", .urgent, plain) == "2026-12-24")
        plain.holidays = ["2026-12-24"]
        #expect(due("2026-12-23", .urgent, plain) == "2026-12-25")
    }

    @Test func policyFileOverridesTargetsAndIsValidated() throws {
        let dir = try TemporaryDirectory()
        let good = try dir.write("sla.json", #"{"sla_working_days": {"urgent": 0, "normal": 3}, "finnish_holidays": false}"#)
        let p = try FollowUpPolicy.load(from: good)
        #expect(p.workingDays["urgent"] == 0)
        #expect(p.workingDays["high"] == 2)
        #expect(due("2026-11-20", .urgent, p) == "2026-11-20")  // 0 days: the same working day
        #expect(due("2026-11-21", .urgent, p) == "2026-11-23")  // 0 days on a Saturday: Monday
        #expect(due("2026-11-20", .normal, p) == "2026-11-25")
        let bad = try dir.write("bad.json", #"{"sla_working_days": {"critical": 1}}"#)
        #expect(throws: PolicyError.self) { try FollowUpPolicy.load(from: bad) }
        let badDate = try dir.write("bad2.json", #"{"holidays": ["24.12.2026"]}"#)
        #expect(throws: PolicyError.self) { try FollowUpPolicy.load(from: badDate) }
    }
}
