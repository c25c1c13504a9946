import Foundation
import GRDB
import PalauteClassify
import Testing
@testable import PalauteReport
@testable import PalauteStore

/// The SQL views BI tools read must give the numbers the Swift arithmetic gives.
@Suite struct ReportViewTests {
    private static let waitingCrit = TopicLabel(topic: .waiting, label: .criticism)
    private static let staffPraise = TopicLabel(topic: .staffManner, label: .praise)
    private static let priceCrit = TopicLabel(topic: .price, label: .criticism)
    private static let priceSugg = TopicLabel(topic: .price, label: .suggestion)

    /// Two units over two months and several weeks, with unscored, unclassified and multi-label responses.
    private func fixture() throws -> ReportFixture {
        let f = try ReportFixture()
        // Unit A, March: 5 promoters, 3 passives, 2 detractors (NPS 30, margin 48.408…).
        for (i, s) in [10, 10, 9, 9, 10, 8, 7, 7, 3, 0].enumerated() {
            let day = "2026-03-0\(i % 9 + 1)"
            let topics: [TopicLabel] = switch s {
            case 9...10: [Self.staffPraise]
            case 7: [Self.waitingCrit, Self.staffPraise]
            case 3: [Self.waitingCrit, Self.priceCrit, Self.priceSugg]
            case 0: [Self.waitingCrit]
            default: []
            }
            try f.add(day: day, score: s, topics: topics)
        }
        try f.add(day: "2026-03-10", score: nil, text: "ei arvosanaa", topics: [Self.priceSugg])
        try f.add(day: "2026-03-11", score: 6, text: "ei luokiteltu", classified: false)
        // Unit A, April and unit B (one response: n = 1), and a response without a unit.
        try f.add(day: "2026-04-01", score: 10, topics: [Self.staffPraise])
        try f.add(day: "2026-04-02", score: 2, topics: [Self.waitingCrit], mismatch: false)
        try f.add(unit: "Yksikkö B", day: "2026-03-31", score: 9, topics: [Self.waitingCrit], mismatch: true)
        try f.add(unit: nil, day: "2025-12-31", score: 5)
        try f.add(unit: "Yksikkö C", day: "2026-05-05", score: nil, text: "vain kommentti")  // n = 0: no NPS
        return f
    }

    private func close(_ a: Double?, _ b: Double?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case let (a?, b?): abs(a - b) < 1e-9
        default: false
        }
    }

    private func swiftAggregates(_ store: PalauteDatabase) throws -> Aggregates {
        try store.pool.read { db in
            var a = Aggregates()
            try StoredResponse.forEach(in: db) { a.add($0) }
            return a
        }
    }

    @Test func npsViewsMatchTheSwiftArithmetic() throws {
        let f = try fixture()
        let agg = try swiftAggregates(f.store)
        for (period, view, key) in [(ReportPeriod.month, "v_nps_unit_month", "month"), (.week, "v_nps_unit_week", "week_start")] {
            let rows = try f.store.pool.read { try Row.fetchAll($0, sql: "SELECT * FROM \(view) ORDER BY coalesce(unit, ''), \(key)") }
            let expected = agg.unitPeriods(period)
            #expect(rows.count == expected.count, "\(view)")
            for (row, e) in zip(rows, expected) {
                #expect(row["unit"] as String? == e.unit)
                #expect(row[key] as String == e.period)
                #expect(row["responses"] as Int == e.responses)
                #expect(row["n"] as Int == e.nps.n)
                #expect(row["promoters"] as Int == e.nps.promoters)
                #expect(row["passives"] as Int == e.nps.passives)
                #expect(row["detractors"] as Int == e.nps.detractors)
                #expect(close(row["nps"], e.nps.nps), "\(view) \(e.period) nps")
                #expect(close(row["se"], e.nps.standardError), "\(view) \(e.period) se")
                #expect(close(row["margin95"], e.nps.margin95), "\(view) \(e.period) margin")
                #expect(close(row["nps_low"], e.nps.interval95?.lowerBound))
                #expect(close(row["nps_high"], e.nps.interval95?.upperBound))
                #expect(close(row["promoter_share"], e.nps.promoterShare))
                #expect(row["small_n"] as Bool == e.nps.isSmallSample)
                #expect(row["positive"] as Int == e.sentiment[.positive] ?? 0)
                #expect(row["negative"] as Int == e.sentiment[.negative] ?? 0)
                #expect(row["mixed"] as Int == e.sentiment[.mixed] ?? 0)
                #expect(row["unclassified"] as Int == e.unclassified)
                if period == .week { #expect(row["iso_week"] as String? == ReportPeriod.isoWeek(ofDay: e.period)) }
            }
        }
        // And both against the hand computation: unit A, March 2026 has 5/4/2 with the unclassified 6.
        let march = try #require(try f.store.pool.read {
            try Row.fetchOne($0, sql: "SELECT * FROM v_nps_unit_month WHERE unit = 'Yksikkö A' AND month = '2026-03'")
        })
        #expect(march["responses"] as Int == 12)
        #expect(march["n"] as Int == 11)
        #expect(march["detractors"] as Int == 3)
        #expect(close(march["nps"], 100.0 * (5 - 3) / 11))
        let single = try #require(try f.store.pool.read {
            try Row.fetchOne($0, sql: "SELECT * FROM v_nps_unit_month WHERE unit = 'Yksikkö B'")
        })
        #expect(single["nps"] as Double == 100)
        #expect(single["margin95"] as Double == 0)
        #expect(single["small_n"] as Bool == true)
        let empty = try #require(try f.store.pool.read {
            try Row.fetchOne($0, sql: "SELECT * FROM v_nps_unit_month WHERE unit = 'Yksikkö C'")
        })
        #expect(empty["n"] as Int == 0)
        #expect(empty["nps"] as Double? == nil)
        #expect(empty["margin95"] as Double? == nil)
    }

    @Test func viewsCanBeDroppedAndRecreatedByALaterMigration() throws {
        let f = try ReportFixture()
        let names = try f.store.pool.write { db -> [String] in
            try PalauteDatabase.dropReportViews(db)
            #expect(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'view'").isEmpty)
            try PalauteDatabase.migrateReportViews(db)
            return try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'view' ORDER BY name")
        }
        #expect(names == PalauteDatabase.reportViewNames.sorted())
    }

    @Test func exportColumnsAreTheViewColumns() throws {
        let f = try ReportFixture()
        let views = ["v_nps_unit_month", "v_nps_unit_week", "v_topic_counts_unit_month", "v_topic_impact", "v_topic_impact_unit"]
        let columns: [String: [String]] = try f.store.pool.read { db in
            var out: [String: [String]] = [:]
            for v in views { out[v] = try db.columns(in: v).map(\.name) }
            return out
        }
        #expect(columns["v_nps_unit_month"] == Exporter.aggregateColumns(.month))
        #expect(columns["v_nps_unit_week"] == Exporter.aggregateColumns(.week))
        #expect(columns["v_topic_counts_unit_month"] == Exporter.topicCountColumns(.month))
        #expect(columns["v_topic_impact"] == Exporter.impactColumns)
        #expect(columns["v_topic_impact_unit"] == ["unit"] + Exporter.impactColumns)
    }

    @Test func topicViewsMatchTheSwiftArithmetic() throws {
        let f = try fixture()
        let agg = try swiftAggregates(f.store)
        let rows = try f.store.pool.read {
            try Row.fetchAll($0, sql: "SELECT * FROM v_topic_counts_unit_month")
        }
        let expected = agg.topicCounts(.month)
        #expect(rows.count == expected.count)
        for e in expected {
            let row = try #require(rows.first {
                $0["unit"] as String? == e.unit && $0["month"] as String == e.period && $0["topic"] as String == e.topic.rawValue
            })
            #expect(row["praise"] as Int == e.counts.praise)
            #expect(row["criticism"] as Int == e.counts.criticism)
            #expect(row["suggestion"] as Int == e.counts.suggestion)
            #expect(row["responses"] as Int == e.counts.responses)
            #expect(row["topic_name"] as String == e.topic.finnishName)
        }

        let impacts = try f.store.pool.read { try Row.fetchAll($0, sql: "SELECT * FROM v_topic_impact") }
        #expect(impacts.count == Topic.allCases.count)
        for i in agg.topicImpacts {
            let row = try #require(impacts.first { $0["topic"] as String == i.topic.rawValue })
            #expect(row["n"] as Int == i.all.n)
            #expect(row["critics"] as Int == i.critics.n)
            #expect(close(row["nps_all"], i.all.nps))
            #expect(close(row["nps_without"], i.withoutCritics.nps))
            #expect(close(row["impact"], i.impact), "\(i.topic)")
        }
        let waiting = try #require(agg.topicImpacts.first { $0.topic == .waiting })
        #expect(waiting.critics.n == 6)  // 7, 7, 3, 0 in March, 2 in April, 9 in unit B
        #expect(waiting.impact! < 0)

        let unitImpacts = try f.store.pool.read { try Row.fetchAll($0, sql: "SELECT * FROM v_topic_impact_unit") }
        let expectedUnit = agg.unitTopicImpacts
        #expect(unitImpacts.count == expectedUnit.count)
        for u in expectedUnit {
            let row = try #require(unitImpacts.first {
                $0["unit"] as String? == u.unit && $0["topic"] as String == u.impact.topic.rawValue
            })
            #expect(close(row["impact"], u.impact.impact), "\(u.unit ?? "-") \(u.impact.topic)")
        }
    }

    @Test func sqlWeekKeysMatchSwiftForEveryDayOfThreeYears() throws {
        let f = try ReportFixture()
        let start = CivilDate(year: 2024, month: 12, day: 1)
        let days = (0..<(3 * 366)).map { start.adding(days: $0).iso }
        let sql = "SELECT \(PalauteDatabase.weekStart("?")), \(PalauteDatabase.isoWeek(PalauteDatabase.weekStart("?")))"
        try f.store.pool.read { db in
            let statement = try db.makeStatement(sql: sql.replacingOccurrences(of: "?", with: ":d"))
            for day in days {
                let row = try #require(try Row.fetchOne(statement, arguments: ["d": day]))
                #expect(row[0] as String == ReportPeriod.week.key(forDay: day), "\(day)")
                #expect(row[1] as String == ReportPeriod.isoWeek(ofDay: day), "\(day)")
            }
        }
    }

    @Test func responseLabelsViewShowsOnlyRedactedText() throws {
        let f = try ReportFixture()
        try f.add(score: 2, text: "Soittakaa 0401234567", topics: [Self.waitingCrit], redacted: "Soittakaa [PUHELIN]")
        let row = try #require(try f.store.pool.read { try Row.fetchOne($0, sql: "SELECT * FROM v_response_labels") })
        #expect(row["redacted_text"] as String == "Soittakaa [PUHELIN]")
        #expect(row["topics"] as String == "waiting:criticism")
        #expect(row["nps_category"] as String == "detractor")
        #expect(!row.columnNames.contains("text"))
        let queueColumns = try f.store.pool.read { try $0.columns(in: "v_followup_queue").map(\.name) }
        #expect(queueColumns.contains("redacted_text") && queueColumns.contains("status") && !queueColumns.contains("text"))
    }

    @Test func followUpQueueViewJoinsHumanState() throws {
        let f = try ReportFixture()
        let r1 = try f.add(score: 2, text: "x", topics: [Self.waitingCrit])
        let r2 = try f.add(score: 1, text: "y", topics: [Self.waitingCrit])
        try f.openCase(responseID: r1, priority: .urgent, due: Date(timeIntervalSinceNow: -86400), redactedText: "x")
        try f.openCase(responseID: r2, due: Date(timeIntervalSinceNow: -86400), redactedText: "y", status: .closed)
        let rows = try f.store.pool.read { try Row.fetchAll($0, sql: "SELECT * FROM v_followup_queue ORDER BY case_id") }
        #expect(rows.map { $0["status"] as String } == ["new", "closed"])
        #expect(rows.map { $0["overdue"] as Bool } == [true, false])
        #expect(rows.map { $0["is_open"] as Bool } == [true, false])
        #expect(rows[0]["priority_rank"] as Int == 1)
    }
}
