import Foundation
import GRDB
import PalauteClassify
import PalauteStore

/// `out/report.html`: one self-contained file for Finnish managers — inline CSS and SVG, no scripts, no fonts,
/// no external references — showing only redacted comment text.
public struct HTMLReport: Sendable {
    public let database: PalauteDatabase
    /// Units with the most answers get a trend chart each; the rest are in the table.
    public static let maxTrendCharts = 24
    /// Months on the trend axis (the latest ones in the data).
    public static let trendMonths = 12
    /// Rows of the follow-up table.
    public static let maxQueueRows = 200

    public init(database: PalauteDatabase) { self.database = database }

    /// Renders the report from the database as it is now.
    public func render(now: Date = Date()) throws -> String {
        let data = try database.pool.read { try ReportData.load($0) }
        return Self.render(data, now: now)
    }

    /// Writes `report.html` into `directory` (created 0700 when missing) and returns its URL.
    @discardableResult
    public func write(to directory: URL, now: Date = Date(), aggregates: Aggregates? = nil) throws -> URL {
        try FileManager.default.createPrivateDirectory(at: directory)
        let data = try database.pool.read { try ReportData.load($0, aggregates: aggregates) }
        let url = directory.appendingPathComponent("report.html")
        let file = try OutputFile(url: url)
        try file.write(Self.render(data, now: now))
        try file.close()
        return url
    }

    // MARK: - Page

    static func render(_ d: ReportData, now: Date) -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="fi">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Potilaspalautteen raportti</title>
            <style>\(css)</style>
            </head>
            <body>
            <main>
            <header>
            <h1>Potilaspalautteen raportti</h1>
            <p class="meta">Luotu \(esc(Finnish.dateTime(now))) · aineisto \(esc(Finnish.date(iso: d.firstDay)))–\(esc(Finnish.date(iso: d.lastDay))) · \(Finnish.integer(d.aggregates.responses)) vastausta</p>
            <nav aria-label="Sisällys"><ul>
            <li><a href="#nps">Suositteluindeksi</a></li>
            <li><a href="#ruusut-risut">Ruusut ja risut</a></li>
            <li><a href="#vaikutus">Vaikutus indeksiin</a></li>
            <li><a href="#yhteydenotot">Avoimet yhteydenotot</a></li>
            <li><a href="#ristiriidat">Ristiriidat</a></li>
            <li><a href="#ajon-tila">Ajon tila</a></li>
            </ul></nav>
            </header>

            """
        html += summary(d, now: now)
        html += npsSection(d)
        html += topicSection(d)
        html += impactSection(d)
        html += queueSection(d, now: now)
        html += mismatchSection(d)
        html += healthSection(d)
        html += """
            <footer><p>Kommenttien henkilötiedot on korvattu merkinnöillä [HETU], [PUHELIN], [EMAIL] ja [NIMI]. \
            NPS = suosittelijoiden (9–10) osuus − arvostelijoiden (0–6) osuus, prosenttiyksikköinä. \
            Virhemarginaali on 95 %:n luottamusväli (1,96 × keskivirhe); alle \(NPSStatistics.smallSampleThreshold) \
            arvosanan otos on merkitty pieneksi.</p></footer>
            </main>
            </body>
            </html>

            """
        return html
    }

    static func summary(_ d: ReportData, now: Date) -> String {
        let all = d.aggregates.all
        let overdue = d.followUps.filter { $0.isOverdue(at: now) }.count
        func card(_ label: String, _ value: String, _ note: String = "") -> String {
            "<div class=\"card\"><div class=\"label\">\(esc(label))</div><div class=\"big\">\(value)</div>"
                + (note.isEmpty ? "" : "<div class=\"note\">\(note)</div>") + "</div>"
        }
        var s = "<section id=\"yhteenveto\" aria-label=\"Yhteenveto\"><div class=\"cards\">"
        s += card("Suositteluindeksi (NPS)", esc(Finnish.number(all.nps, digits: 0)),
                  esc("± \(Finnish.number(all.margin95, digits: 1)) (n = \(Finnish.integer(all.n)))")
                      + (all.isSmallSample ? " <span class=\"badge warn\">pieni otos</span>" : ""))
        s += card("Vastauksia", Finnish.integer(d.aggregates.responses),
                  esc("joista arvosanallisia \(Finnish.integer(all.n))"))
        s += card("Avoimet yhteydenotot", Finnish.integer(d.followUps.count),
                  overdue > 0 ? "<span class=\"badge overdue\">\(overdue) myöhässä</span>" : "ei myöhässä olevia")
        s += card("Ristiriitaiset arviot", Finnish.integer(d.mismatchCount), "tarkistettavaksi")
        let sent = d.aggregates.sentimentTotals
        let classified = sent.values.reduce(0, +)
        s += "</div>"
        if classified > 0 {
            s += "<p class=\"sentiment\">Kommenttien sävy: "
            s += [Sentiment.positive, .negative, .mixed, .neutral].map { st in
                "<span class=\"sent \(st.rawValue)\">\(esc(Finnish.sentiment(st))) \(Finnish.integer(sent[st] ?? 0))"
                    + " (\(Finnish.percent(Double(sent[st] ?? 0) / Double(classified))))</span>"
            }.joined(separator: " ")
            if d.aggregates.unclassified > 0 { s += " · luokittelematta \(Finnish.integer(d.aggregates.unclassified))" }
            s += "</p>"
        }
        return s + "</section>\n"
    }

    // MARK: - NPS

    static func npsSection(_ d: ReportData) -> String {
        var s = """
            <section id="nps"><h2>Suositteluindeksi (NPS) yksiköittäin</h2>
            <p class="lead">Kuukausittainen NPS ja sen 95 %:n virhemarginaali (varjostus). Ontto piste: alle \
            \(NPSStatistics.smallSampleThreshold) arvosanaa, tulos on suuntaa antava.</p>

            """
        let monthly = d.aggregates.unitPeriods(.month)
        let allMonths = Array(Set(monthly.map(\.period)).sorted().suffix(trendMonths))
        let months = Self.monthRange(allMonths)
        var byUnit: [String?: [String: NPSStatistics]] = [:]
        for a in monthly { byUnit[a.unit, default: [:]][a.period] = a.nps }
        let units = d.aggregates.byUnit.sorted { ($0.value.n, $1.key ?? "") > ($1.value.n, $0.key ?? "") }
        if units.isEmpty { return s + "<p>Ei vastauksia.</p></section>\n" }

        s += "<div class=\"trends\">"
        for (i, u) in units.prefix(maxTrendCharts).enumerated() {
            let chart = TrendChart(unit: Finnish.unit(u.key), months: months, stats: byUnit[u.key] ?? [:], id: "trend\(i)")
            s += "<figure class=\"trend\"><figcaption>\(esc(Finnish.unit(u.key)))"
                + " <span class=\"muted\">NPS \(esc(Finnish.number(u.value.nps, digits: 0))) ± \(esc(Finnish.number(u.value.margin95, digits: 0)))"
                + ", n = \(u.value.n)</span></figcaption>\(chart.render())</figure>"
        }
        s += "</div>"
        if units.count > maxTrendCharts {
            s += "<p class=\"note\">\(units.count - maxTrendCharts) pienempää yksikköä vain taulukossa.</p>"
        }
        s += """
            <table class="data"><caption>Koko aineiston NPS yksiköittäin</caption>
            <thead><tr><th scope="col">Yksikkö</th><th scope="col" class="num">Vastauksia</th>\
            <th scope="col" class="num">Arvosanoja (n)</th><th scope="col" class="num">Suosittelijat</th>\
            <th scope="col" class="num">Passiiviset</th><th scope="col" class="num">Arvostelijat</th>\
            <th scope="col" class="num">NPS</th><th scope="col" class="num">± 95 %</th><th scope="col">Huom.</th></tr></thead><tbody>
            """
        for u in units {
            let st = u.value
            s += "<tr><th scope=\"row\">\(esc(Finnish.unit(u.key)))</th>"
                + "<td class=\"num\">\(Finnish.integer(d.aggregates.responsesByUnit[u.key] ?? 0))</td>"
                + "<td class=\"num\">\(Finnish.integer(st.n))</td>"
                + "<td class=\"num\">\(esc(Finnish.percent(st.promoterShare)))</td>"
                + "<td class=\"num\">\(esc(Finnish.percent(st.passiveShare)))</td>"
                + "<td class=\"num\">\(esc(Finnish.percent(st.detractorShare)))</td>"
                + "<td class=\"num strong\">\(esc(Finnish.number(st.nps, digits: 0)))</td>"
                + "<td class=\"num\">\(esc(Finnish.number(st.margin95, digits: 1)))</td>"
                + "<td>\(st.isSmallSample ? "<span class=\"badge warn\">pieni otos</span>" : "")</td></tr>"
        }
        return s + "</tbody></table></section>\n"
    }

    /// Every month from the first to the last key, so gaps show as gaps.
    static func monthRange(_ keys: [String]) -> [String] {
        guard let first = keys.first, let last = keys.last, let a = CivilDate(iso: first + "-01"),
              let b = CivilDate(iso: last + "-01") else { return keys }
        var out: [String] = []
        var y = a.year, m = a.month
        while (y, m) <= (b.year, b.month) && out.count < 240 {
            out.append("\(y)-" + (m < 10 ? "0\(m)" : "\(m)"))
            m += 1
            if m > 12 { m = 1; y += 1 }
        }
        return out
    }

    // MARK: - Topics

    static func topicSection(_ d: ReportData) -> String {
        let counts = Topic.allCases.map { (topic: $0, counts: d.aggregates.topicTotals[$0] ?? TopicCounts()) }
            .sorted { ($0.counts.total, $1.topic) > ($1.counts.total, $0.topic) }
        var s = """
            <section id="ruusut-risut"><h2>Ruusut ja risut aiheittain</h2>
            <p class="lead">Kuinka monessa kommentissa aihetta kehuttiin (ruusu), moitittiin (risu) tai siihen \
            ehdotettiin parannusta.</p>

            """
        if counts.allSatisfy({ $0.counts.total == 0 }) { return s + "<p>Ei aihemainintoja.</p></section>\n" }
        s += "<div class=\"scroll\">" + PraiseCriticismChart(counts: counts).render() + "</div>"
        return s + "</section>\n"
    }

    static func impactSection(_ d: ReportData) -> String {
        let impacts = d.aggregates.topicImpacts
        var s = """
            <section id="vaikutus"><h2>Aiheiden vaikutus suositteluindeksiin</h2>
            <p class="lead">Vaikutus = kaikkien vastausten NPS − NPS ilman vastauksia, joissa aihetta moitittiin. \
            Kokonais-NPS on \(esc(Finnish.number(d.aggregates.all.nps))); esimerkiksi −5,0 tarkoittaa, että indeksi \
            olisi viisi pistettä korkeampi ilman näitä moitteita.</p>

            """
        if !impacts.contains(where: { $0.critics.n > 0 && $0.impact != nil }) {
            return s + "<p>Ei moitteita arvosanallisissa vastauksissa.</p></section>\n"
        }
        s += "<div class=\"scroll\">" + ImpactChart(impacts: impacts).render() + "</div>"
        return s + "</section>\n"
    }

    // MARK: - Follow-up queue

    static func topicList(_ topics: [TopicLabel]) -> String {
        topics.map { "\($0.topic.finnishName) (\($0.label.finnishName))" }.joined(separator: ", ")
    }

    static func queueSection(_ d: ReportData, now: Date) -> String {
        var s = """
            <section id="yhteydenotot"><h2>Avoimet yhteydenotot</h2>
            <p class="lead">\(Finnish.integer(d.followUps.count)) avointa tapausta kiireellisyyden ja eräpäivän \
            mukaan. Myöhässä olevat on merkitty.</p>

            """
        if d.followUps.isEmpty { return s + "<p>Ei avoimia yhteydenottoja.</p></section>\n" }
        s += """
            <div class="scroll"><table class="data queue"><thead><tr><th scope="col">Kiireellisyys</th><th scope="col">Eräpäivä</th>\
            <th scope="col">Yksikkö</th><th scope="col" class="num">Arvosana</th><th scope="col">Tila</th>\
            <th scope="col">Vastuuhenkilö</th><th scope="col">Aiheet ja liput</th><th scope="col">Kommentti</th></tr></thead><tbody>
            """
        for f in d.followUps.prefix(maxQueueRows) {
            let overdue = f.isOverdue(at: now)
            let flags = f.flags.map { "<span class=\"badge flag\">\(esc(Finnish.flag($0)))</span>" }.joined(separator: " ")
            s += "<tr\(overdue ? " class=\"overdue\"" : "")>"
                + "<td><span class=\"prio \(f.priority.rawValue)\">\(esc(Finnish.priority(f.priority)))</span></td>"
                + "<td>\(esc(Finnish.day(f.dueAt)))\(overdue ? " <span class=\"badge overdue\">myöhässä</span>" : "")</td>"
                + "<td>\(esc(Finnish.unit(f.unit)))</td>"
                + "<td class=\"num\">\(f.score.map(String.init) ?? "–")</td>"
                + "<td>\(esc(Finnish.status(f.status)))</td>"
                + "<td>\(esc(f.assignee ?? "–"))</td>"
                + "<td>\(flags)\(flags.isEmpty ? "" : " ")\(esc(topicList(f.topics)))</td>"
                + "<td class=\"comment\">\(esc(f.redactedText))</td></tr>"
        }
        s += "</tbody></table></div>"
        if d.followUps.count > maxQueueRows {
            s += "<p class=\"note\">Näytetään \(maxQueueRows) ensimmäistä; koko jono on tiedostossa followups.csv.</p>"
        }
        return s + "</section>\n"
    }

    // MARK: - Mismatches

    static func mismatchSection(_ d: ReportData) -> String {
        var s = """
            <section id="ristiriidat"><h2>Arvosanan ja kommentin ristiriidat</h2>
            <p class="lead">Vastaukset, joissa arvosana ja kommentin sisältö ovat ristiriidassa (esim. 10 ja valitus). \
            Tarkista, onko arvosana annettu väärin päin. Yhteensä \(Finnish.integer(d.mismatchCount)).</p>

            """
        if d.mismatches.isEmpty { return s + "<p>Ei ristiriitoja.</p></section>\n" }
        s += """
            <table class="data"><thead><tr><th scope="col">Päivä</th><th scope="col">Yksikkö</th>\
            <th scope="col" class="num">Arvosana</th><th scope="col">Kommentin sävy</th><th scope="col">Aiheet</th>\
            <th scope="col">Kommentti</th></tr></thead><tbody>
            """
        for m in d.mismatches {
            s += "<tr><td>\(esc(Finnish.date(iso: m.day)))</td><td>\(esc(Finnish.unit(m.unit)))</td>"
                + "<td class=\"num\">\(m.score.map(String.init) ?? "–")</td><td>\(esc(Finnish.sentiment(m.sentiment)))</td>"
                + "<td>\(esc(topicList(m.topics)))</td><td class=\"comment\">\(esc(m.redactedText))</td></tr>"
        }
        s += "</tbody></table>"
        if d.mismatchCount > d.mismatches.count {
            s += "<p class=\"note\">Näytetään \(d.mismatches.count) uusinta; kaikki ovat tiedostossa responses.csv "
                + "(sarake mismatch).</p>"
        }
        return s + "</section>\n"
    }

    // MARK: - Health

    static func healthSection(_ d: ReportData) -> String {
        let h = d.health
        var rows: [(String, String)] = []
        if let run = h.lastRun {
            rows.append(("Viimeisin yöajo", "\(Finnish.dateTime(run.startedAt)) – \(Finnish.dateTime(run.finishedAt))"))
            rows.append(("Yöajon tila", Finnish.runStatus(run.status) + (run.message.map { ": \($0)" } ?? "")))
            rows.append(("Luettu yöajossa", "\(Finnish.integer(run.ingested)) vastausta, \(Finnish.integer(run.rejected)) hylättyä riviä"))
            rows.append(("Luokiteltu yöajossa", Finnish.integer(run.classified)))
            rows.append(("Uudet yhteydenotot", Finnish.integer(run.newFollowups)))
        } else {
            rows.append(("Viimeisin yöajo", "ei yöajoja tietokannassa"))
        }
        rows.append(("Vastauksia tietokannassa", Finnish.integer(h.responses)))
        rows.append(("Luokiteltu / odottaa luokittelua", "\(Finnish.integer(h.classified)) / \(Finnish.integer(h.pending))"))
        rows.append(("Tuontierät", "\(Finnish.integer(h.batches)) erää, \(Finnish.integer(h.rowsRead)) riviä luettu"))
        rows.append(("Hylätyt rivit (kaikki erät)", Finnish.integer(h.rejectedRows)))
        if let b = h.lastBatch {
            rows.append(("Viimeisin tuontierä", "\(b.fileName): \(b.rowsRead) riviä, \(b.rowsInserted) uutta, "
                + "\(b.rowsUpdated) muuttunutta, \(b.rowsRejected) hylättyä (\(Finnish.dateTime(b.startedAt)))"))
        }
        if let c = h.lastClassification {
            let llmUsed = c.modelVersion != "none" && c.llmMode != "off"
            rows.append(("Viimeisin luokittelu", "\(Finnish.dateTime(c.startedAt)): \(Finnish.integer(c.responsesClassified)) "
                + "vastausta, sanasto \(c.lexiconVersion), \(c.errors) virhettä"))
            rows.append(("Kielimalli käytössä", llmUsed
                ? "kyllä: \(c.modelVersion) (tila \(c.llmMode)), \(Finnish.integer(c.llmRequests)) pyyntöä, "
                    + "\(Finnish.integer(c.llmCacheHits)) välimuistista"
                : "ei (vain sanastopohjainen luokittelu)"))
        } else {
            rows.append(("Kielimalli käytössä", h.llmResults > 0 ? "kyllä" : "ei"))
        }
        rows.append(("Kielimallin osuus", "\(Finnish.integer(h.llmResults)) nykyistä tulosta kielimallin kanssa, "
            + "\(Finnish.integer(h.llmMentions)) aihemainintaa kielimallilta, \(Finnish.integer(h.llmRequestsTotal)) pyyntöä "
            + "yhteensä, \(Finnish.integer(h.llmCacheEntries)) vastausta välimuistissa"))
        var s = "<section id=\"ajon-tila\"><h2>Ajon tila</h2><table class=\"data health\"><tbody>"
        for (k, v) in rows { s += "<tr><th scope=\"row\">\(esc(k))</th><td>\(esc(v))</td></tr>" }
        return s + "</tbody></table></section>\n"
    }

    // MARK: - Style

    static let css = """
        :root{color-scheme:light}
        body{margin:0;background:#f6f7f9;color:#1b1f24;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",Arial,sans-serif}
        main{max-width:1200px;margin:0 auto;padding:20px 24px 40px}
        h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;margin:0 0 6px}
        section{background:#fff;border:1px solid #d8dde3;border-radius:8px;padding:16px 20px;margin:16px 0}
        .meta,.muted,.note{color:#4a5561}.lead{color:#333d47;margin:0 0 12px}
        nav ul{list-style:none;padding:0;margin:8px 0 0;display:flex;flex-wrap:wrap;gap:6px 14px}
        nav a{color:#0b4f9c}
        .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(200px,1fr));gap:12px}
        .card{border:1px solid #d8dde3;border-radius:6px;padding:10px 14px}
        .card .label{font-size:13px;color:#4a5561}.card .big{font-size:30px;font-weight:700}
        .sentiment{margin:12px 0 0}.sent{margin-right:10px;padding:1px 6px;border-radius:4px}
        .sent.positive{background:#e3f4e8}.sent.negative{background:#fbe4e4}.sent.mixed{background:#fff1d6}.sent.neutral{background:#eceff2}
        .trends{display:grid;grid-template-columns:repeat(auto-fill,minmax(400px,1fr));gap:8px 16px}
        figure.trend{margin:0}figcaption{font-weight:600;font-size:14px;margin:6px 0 2px}
        .scroll{overflow-x:auto}
        svg.chart{display:block;max-width:100%;height:auto;font-size:12px}
        svg .grid{stroke:#e3e7eb;stroke-width:1}svg .axis0{stroke:#5b6670;stroke-width:1.2}svg .sep{stroke:#f0f2f4}
        svg .tick{fill:#4a5561;font-size:11px}svg .label{fill:#1b1f24;font-size:13px}svg .value{fill:#1b1f24;font-size:12px}
        svg .legend{fill:#1b1f24;font-size:13px}svg .note{fill:#4a5561}
        svg .band{fill:#9cc3e6;fill-opacity:.55;stroke:none}svg .bandline{stroke:#9cc3e6;stroke-width:6;stroke-opacity:.8}
        svg .trend{fill:none;stroke:#0b4f9c;stroke-width:2}
        svg .pt{fill:#0b4f9c;stroke:#0b4f9c;stroke-width:1.5}svg .pt.small{fill:#fff}
        svg .praise{fill:#1e7b34}svg .criticism{fill:#c0392b}svg .suggestion{fill:#2f6db5}
        svg .neg{fill:#c0392b}svg .pos{fill:#1e7b34}
        table.data{border-collapse:collapse;width:100%;margin-top:12px;font-size:14px}
        table.data caption{text-align:left;font-weight:600;padding:4px 0}
        table.data th,table.data td{border-bottom:1px solid #e3e7eb;padding:5px 8px;text-align:left;vertical-align:top}
        table.data thead th{background:#eef1f4;font-weight:600}
        table.data tbody th{font-weight:500}
        .num{text-align:right!important;font-variant-numeric:tabular-nums}.strong{font-weight:700}
        td.comment{min-width:260px;max-width:520px;white-space:pre-wrap;overflow-wrap:anywhere}
        table.queue td:nth-child(7){max-width:260px}
        .badge{display:inline-block;font-size:12px;padding:0 6px;border-radius:10px;border:1px solid}
        .badge.warn{color:#7a4b00;border-color:#c98a1b;background:#fff6e0}
        .badge.overdue{color:#fff;background:#b3261e;border-color:#b3261e}
        .badge.flag{color:#5a1d8c;border-color:#8a4fc4;background:#f4ecfb}
        tr.overdue td{background:#fff3f2}
        .prio{font-weight:600}.prio.urgent{color:#b3261e}.prio.high{color:#9a4d00}.prio.normal{color:#1b1f24}.prio.low{color:#4a5561}
        table.health th{width:280px}
        footer{color:#4a5561;font-size:13px;margin-top:12px}
        """
}
