import PalauteClassify

/// Ruusut ja risut: praise, criticism and suggestion counts per topic as grouped horizontal bars.
struct PraiseCriticismChart {
    var counts: [(topic: Topic, counts: TopicCounts)]

    func render() -> String {
        let rows = counts.filter { $0.counts.total > 0 }
        let labelW = 250.0, w = 1100.0, rowH = 40.0, top = 30.0
        let h = top + rowH * Double(rows.count) + 10
        let maxCount = Double(rows.map { max($0.counts.praise, $0.counts.criticism, $0.counts.suggestion) }.max() ?? 1)
        let barMax = w - labelW - 60
        var svg = SVG.open(
            width: w, height: h, title: "Ruusut ja risut aiheittain",
            desc: "Kehujen, moitteiden ja kehitysehdotusten määrät \(rows.count) aiheelle.", id: "ruusut")
        // Legend
        let legend: [(String, String)] = [("praise", "ruusut (kehut)"), ("criticism", "risut (moitteet)"), ("suggestion", "kehitysehdotukset")]
        var lx = labelW
        for (cls, name) in legend {
            svg += "<rect x=\"\(SVG.n(lx))\" y=\"8\" width=\"12\" height=\"12\" class=\"\(cls)\"/>"
            svg += SVG.text(name, x: lx + 16, y: 18.5, cls: "legend")
            lx += 170
        }
        for (i, row) in rows.enumerated() {
            let y0 = top + rowH * Double(i)
            svg += SVG.text(row.topic.finnishName, x: labelW - 8, y: y0 + 20, anchor: "end", cls: "label")
            let bars: [(String, Int, String)] = [
                ("praise", row.counts.praise, "ruusuja"), ("criticism", row.counts.criticism, "risuja"),
                ("suggestion", row.counts.suggestion, "kehitysehdotuksia"),
            ]
            for (j, bar) in bars.enumerated() {
                let by = y0 + 4 + Double(j) * 10.5
                let bw = barMax * Double(bar.1) / maxCount
                svg += SVG.rect(x: labelW, y: by, width: bw, height: 9, cls: bar.0,
                                title: "\(row.topic.finnishName): \(bar.1) \(bar.2)")
                svg += SVG.text(String(bar.1), x: labelW + bw + 4, y: by + 8, cls: "value")
            }
            svg += SVG.line(labelW, y0 + rowH - 2, w - 10, y0 + rowH - 2, cls: "sep")
        }
        return svg + "</svg>"
    }
}

/// Topic impact on NPS as a diverging bar chart around zero: left (red) the topics whose critics pull the NPS down.
struct ImpactChart {
    var impacts: [TopicImpact]

    func render() -> String {
        let rows = impacts.filter { $0.critics.n > 0 && $0.impact != nil }.sorted { $0.impact! < $1.impact! }
        let labelW = 250.0, w = 1100.0, rowH = 26.0, top = 28.0
        let h = top + rowH * Double(rows.count) + 12
        let maxAbs = max(1, rows.map { abs($0.impact!) }.max() ?? 1)
        let half = (w - labelW - 200) / 2
        let center = labelW + 100 + half
        var svg = SVG.open(
            width: w, height: h, title: "Aiheiden vaikutus suositteluindeksiin",
            desc: "Kuinka monta NPS-pistettä kokonaisindeksi muuttuisi ilman aiheesta moittineita vastaajia; "
                + "negatiivinen arvo tarkoittaa, että aihe laskee indeksiä.", id: "vaikutus")
        svg += SVG.text("laskee indeksiä", x: center - 6, y: 16, anchor: "end", cls: "legend")
        svg += SVG.text("nostaa indeksiä", x: center + 6, y: 16, cls: "legend")
        for (i, r) in rows.enumerated() {
            let impact = r.impact!
            let y0 = top + rowH * Double(i)
            svg += SVG.text(r.topic.finnishName, x: labelW - 8, y: y0 + 16, anchor: "end", cls: "label")
            let bw = half * abs(impact) / maxAbs
            let x0 = impact < 0 ? center - bw : center
            let tip = "\(r.topic.finnishName): vaikutus \(Finnish.signed(impact)) NPS-pistettä "
                + "(\(r.critics.n) moittivaa vastausta, NPS ilman heitä \(Finnish.number(r.withoutCritics.nps)))"
            svg += SVG.rect(x: x0, y: y0 + 5, width: bw, height: 15, cls: impact < 0 ? "neg" : "pos", title: tip)
            let label = Finnish.signed(impact) + " (n = \(r.critics.n))"
            svg += impact < 0
                ? SVG.text(label, x: x0 - 4, y: y0 + 16, anchor: "end", cls: "value")
                : SVG.text(label, x: x0 + bw + 4, y: y0 + 16, cls: "value")
        }
        svg += SVG.line(center, top - 4, center, h - 6, cls: "axis0")
        return svg + "</svg>"
    }
}
