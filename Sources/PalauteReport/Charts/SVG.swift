import Foundation

/// Small helpers for the hand-written inline SVG charts (no scripts, no external resources).
enum SVG {
    /// A coordinate with one decimal and a dot (SVG syntax, not Finnish).
    static func n(_ v: Double) -> String { String(format: "%.1f", v) }

    /// Opens an accessible SVG: `role="img"`, a `<title>` and a `<desc>` that screen readers announce.
    static func open(width: Double, height: Double, title: String, desc: String, id: String) -> String {
        """
        <svg class="chart" width="\(n(width))" height="\(n(height))" \
        viewBox="0 0 \(n(width)) \(n(height))" role="img" aria-labelledby="\(id)-t \(id)-d">\
        <title id="\(id)-t">\(esc(title))</title><desc id="\(id)-d">\(esc(desc))</desc>
        """
    }

    static func text(_ s: String, x: Double, y: Double, anchor: String = "start", cls: String = "") -> String {
        "<text x=\"\(n(x))\" y=\"\(n(y))\" text-anchor=\"\(anchor)\"\(cls.isEmpty ? "" : " class=\"\(cls)\"")>\(esc(s))</text>"
    }

    static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, cls: String) -> String {
        "<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\" class=\"\(cls)\"/>"
    }

    /// A rectangle with a tooltip `<title>`.
    static func rect(x: Double, y: Double, width: Double, height: Double, cls: String, title: String) -> String {
        "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(max(0, width)))\" height=\"\(n(height))\" class=\"\(cls)\">"
            + "<title>\(esc(title))</title></rect>"
    }
}
