import Foundation
import GRDB
import PalauteClassify
import PalauteStore
import Testing
@testable import PalauteReport

@Suite struct HTMLReportTests {
    static let hostileComment = "<script>alert(1)</script> jonotin & odotin"
    static let hostileUnit = "<script>alert(2)</script><img src=x onerror=alert(3)> \"Asema\""

    private func fixture() throws -> ReportFixture {
        let f = try ReportFixture()
        let waiting = TopicLabel(topic: .waiting, label: .criticism)
        for (i, s) in [10, 9, 9, 8, 3, 0].enumerated() {
            try f.add(day: "2026-0\(i % 3 + 1)-10", score: s,
                      topics: s < 7 ? [waiting] : [TopicLabel(topic: .staffManner, label: .praise)])
        }
        let hostile = try f.add(unit: Self.hostileUnit, day: "2026-03-01", score: 10, text: Self.hostileComment,
                                topics: [waiting], mismatch: true)
        try f.openCase(responseID: hostile, priority: .urgent, due: Date(timeIntervalSinceNow: -86400),
                       unit: Self.hostileUnit, score: 10, redactedText: Self.hostileComment)
        let closed = try f.add(score: 1, text: "suljettu tapaus", topics: [waiting])
        try f.openCase(responseID: closed, due: nil, redactedText: "suljettu tapaus", status: .closed)
        try f.store.pool.write { db in
            var run = NightlyRunRecord(startedAt: Date(), finishedAt: Date(), status: .partial, ingested: 8, rejected: 2,
                                       classified: 8, newFollowups: 2, message: "<b>2 riviä hylätty</b>")
            try run.insert(db)
        }
        return f
    }

    @Test func dataIsEscapedEverywhere() throws {
        let f = try fixture()
        let html = try HTMLReport(database: f.store).render()
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; jonotin &amp; odotin"))
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;script&gt;alert(2)&lt;/script&gt;&lt;img src=x onerror=alert(3)&gt; &quot;Asema&quot;"))
        #expect(!html.contains("<b>2 riviä"))
        #expect(html.contains("&lt;b&gt;2 riviä hylätty&lt;/b&gt;"))
        // The unit name also reaches SVG titles, escaped.
        #expect(html.contains("<title id=\"trend1-t\">Suositteluindeksi kuukausittain: &lt;script&gt;alert(2)")
            || html.contains("<title id=\"trend0-t\">Suositteluindeksi kuukausittain: &lt;script&gt;alert(2)"))
        #expect(HTML.escape("a<b>&\"'") == "a&lt;b&gt;&amp;&quot;&#39;")
    }

    @Test func reportIsOneSelfContainedFinnishPage() throws {
        let f = try fixture()
        let url = try HTMLReport(database: f.store).write(to: f.out)
        #expect(try FileManager.default.contentsOfDirectory(atPath: f.out.path) == ["report.html"])
        let html = try String(contentsOf: url, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"fi\">"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        // Nothing external: no scripts, links, images, fonts or URLs.
        for forbidden in ["<script", "http://", "https://", "<link", "<img", "<iframe", "@import", "url(", "@font-face"] {
            #expect(!html.contains(forbidden), "\(forbidden)")
        }
        for id in ["nps", "ruusut-risut", "vaikutus", "yhteydenotot", "ristiriidat", "ajon-tila"] {
            #expect(html.contains("<section id=\"\(id)\">"), "\(id)")
        }
        for heading in ["Suositteluindeksi (NPS) yksiköittäin", "Ruusut ja risut aiheittain",
                        "Aiheiden vaikutus suositteluindeksiin", "Avoimet yhteydenotot",
                        "Arvosanan ja kommentin ristiriidat", "Ajon tila"] {
            #expect(html.contains("<h2>\(heading)</h2>"), "\(heading)")
        }
        #expect(html.contains(Topic.waiting.finnishName) && html.contains(Topic.staffManner.finnishName))
        // Trend charts (two units) + ruusut ja risut + impact, each with an accessible title; balanced tags.
        let svgs = html.components(separatedBy: "<svg ").count - 1
        #expect(svgs == 4)
        #expect(html.components(separatedBy: "</svg>").count - 1 == svgs)
        #expect(html.components(separatedBy: "role=\"img\"").count - 1 == svgs)
        for tag in ["section", "table", "figure", "title", "thead", "tbody"] {
            #expect(html.components(separatedBy: "<\(tag)").count == html.components(separatedBy: "</\(tag)>").count, "\(tag)")
        }
        #expect(html.contains("<polygon class=\"band\""))  // the margin band of a unit with consecutive months
        #expect(html.contains("<th scope=\"col\">Kiireellisyys</th>"))
    }

    @Test func queueShowsOpenCasesWithOverdueMarked() throws {
        let f = try fixture()
        let html = try HTMLReport(database: f.store).render()
        let queue = try #require(html.components(separatedBy: "<section id=\"yhteydenotot\">").last?
            .components(separatedBy: "</section>").first)
        #expect(queue.contains("kiireellinen"))
        #expect(queue.contains("class=\"overdue\""))
        #expect(queue.contains("myöhässä"))
        #expect(!queue.contains("suljettu tapaus"))
        let health = try #require(html.components(separatedBy: "<section id=\"ajon-tila\">").last)
        #expect(health.contains("osittain onnistunut"))
        #expect(health.contains("Kielimalli käytössä</th><td>ei"))
    }

    @Test func emptyDatabaseStillRenders() throws {
        let f = try ReportFixture()
        let html = try HTMLReport(database: f.store).render()
        #expect(html.contains("Ei vastauksia."))
        #expect(html.contains("ei yöajoja tietokannassa"))
        #expect(html.hasSuffix("</html>\n"))
    }
}
