/// One unit's monthly NPS as a line with its 95 % margin as a shaded band; months with fewer than
/// `NPSStatistics.smallSampleThreshold` scored answers are hollow points.
struct TrendChart {
    var unit: String
    /// The months on the axis, in order (`yyyy-mm`), the same for every unit so charts line up.
    var months: [String]
    var stats: [String: NPSStatistics]
    var id: String

    static let width = 400.0
    static let height = 180.0
    static let left = 36.0, right = 20.0, top = 10.0, bottom = 26.0

    func render() -> String {
        let w = Self.width, h = Self.height
        let plotW = w - Self.left - Self.right, plotH = h - Self.top - Self.bottom
        func x(_ i: Int) -> Double {
            months.count <= 1 ? Self.left + plotW / 2 : Self.left + plotW * Double(i) / Double(months.count - 1)
        }
        func y(_ v: Double) -> Double { Self.top + plotH * (100 - min(100, max(-100, v))) / 200 }

        let scored = months.compactMap { stats[$0] }.filter { $0.n > 0 }
        var svg = SVG.open(
            width: w, height: h, title: "Suositteluindeksi kuukausittain: \(unit)",
            desc: "NPS kuukausittain \(scored.count) kuukaudelta, varjostettuna 95 %:n virhemarginaali.", id: id)
        for v in [-100.0, -50, 0, 50, 100] {
            svg += SVG.line(Self.left, y(v), w - Self.right, y(v), cls: v == 0 ? "axis0" : "grid")
            svg += SVG.text(Finnish.number(v, digits: 0), x: Self.left - 4, y: y(v) + 3.5, anchor: "end", cls: "tick")
        }
        let step = max(1, Int((Double(months.count) / 6).rounded(.up)))
        for (i, m) in months.enumerated() where i % step == 0 || i == months.count - 1 {
            let anchor = months.count > 1 && i == months.count - 1 ? "end" : "middle"
            svg += SVG.text(Finnish.shortMonth(m), x: x(i) + (anchor == "end" ? 8 : 0), y: h - 8, anchor: anchor, cls: "tick")
        }

        // Runs of consecutive months with answers: one band and one line each.
        var runs: [[Int]] = []
        for (i, m) in months.enumerated() {
            guard let s = stats[m], s.n > 0 else { continue }
            if let last = runs.last?.last, last == i - 1 { runs[runs.count - 1].append(i) } else { runs.append([i]) }
        }
        for run in runs {
            let upper = run.map { i -> String in
                let s = stats[months[i]]!
                return "\(SVG.n(x(i))),\(SVG.n(y(s.interval95!.upperBound)))"
            }
            let lower = run.reversed().map { i -> String in
                let s = stats[months[i]]!
                return "\(SVG.n(x(i))),\(SVG.n(y(s.interval95!.lowerBound)))"
            }
            if run.count > 1 {
                svg += "<polygon class=\"band\" points=\"\((upper + lower).joined(separator: " "))\"/>"
                let line = run.map { "\(SVG.n(x($0))),\(SVG.n(y(stats[months[$0]]!.nps!)))" }.joined(separator: " ")
                svg += "<polyline class=\"trend\" points=\"\(line)\"/>"
            } else if let i = run.first, let iv = stats[months[i]]?.interval95 {
                svg += SVG.line(x(i), y(iv.upperBound), x(i), y(iv.lowerBound), cls: "bandline")
            }
        }
        for (i, m) in months.enumerated() {
            guard let s = stats[m], s.n > 0, let nps = s.nps else { continue }
            let tip = "\(Finnish.month(m)): NPS \(Finnish.number(nps, digits: 0)) ± \(Finnish.number(s.margin95, digits: 0))"
                + " (n = \(s.n)\(s.isSmallSample ? ", pieni otos" : ""))"
            svg += "<circle cx=\"\(SVG.n(x(i)))\" cy=\"\(SVG.n(y(nps)))\" r=\"3.5\" class=\"\(s.isSmallSample ? "pt small" : "pt")\">"
                + "<title>\(esc(tip))</title></circle>"
        }
        if scored.isEmpty {
            svg += SVG.text("Ei arvosanoja", x: w / 2, y: h / 2, anchor: "middle", cls: "note")
        }
        return svg + "</svg>"
    }
}
