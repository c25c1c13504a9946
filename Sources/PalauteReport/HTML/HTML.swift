/// The one escaping function of the report. Every string that comes from the data (comments, unit names, topic
/// names, assignees, run messages) goes through it, in element text, attribute values and SVG `<text>`/`<title>`
/// alike, so a comment such as `<script>alert(1)</script>` is shown as text.
public enum HTML {
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Control characters other than tab and newline are not allowed in HTML text.
                if c.value < 0x20 && c != "\n" && c != "\t" { out += " " } else { out.unicodeScalars.append(c) }
            }
        }
        return out
    }
}

/// Shorthand used throughout the renderer.
func esc(_ s: String) -> String { HTML.escape(s) }
