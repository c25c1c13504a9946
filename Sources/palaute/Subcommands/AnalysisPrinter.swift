import Foundation
import PalauteText

/// Renders an `AnalyzedText` for people (a table) and for tools (JSON).
enum AnalysisPrinter {
    static func table(_ a: AnalyzedText, allReadings: Bool) -> String {
        var rows: [[String]] = [["#", "span", "kind", "surface", "normalized", "lemma", "class", "parts", "marks", "s/c"]]
        for (i, t) in a.tokens.enumerated() {
            let b = t.best
            var marks = t.marks
            if let n = t.negatedBy { marks.append("←\(n)") }
            rows.append([
                "\(i)", "\(t.token.range.lowerBound)-\(t.token.range.upperBound)", t.token.kind.rawValue, t.token.text,
                t.normalized + (t.normalizedBy.map { $0 == .surface ? "" : " (\($0.rawValue))" } ?? ""),
                t.token.kind == .word ? t.lemma : "", b?.wordClass.rawValue ?? "",
                (b?.parts.count ?? 0) > 1 ? b!.parts.joined(separator: "+") : "", marks.joined(separator: " "),
                "\(t.sentence)/\(t.clause)",
            ])
            if allReadings, t.analyses.count > 1 {
                for r in t.analyses.dropFirst() {
                    rows.append(["", "", "", "", "  or", r.lemma, r.wordClass.rawValue, r.parts.joined(separator: "+"),
                                 "", ""])
                }
            }
        }
        var widths = Array(repeating: 0, count: rows[0].count)
        for r in rows { for (k, c) in r.enumerated() { widths[k] = max(widths[k], c.count) } }
        var out = rows.map { r in
            r.enumerated().map { k, c in c + String(repeating: " ", count: widths[k] - c.count) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        out.append("")
        out.append("language: \(a.language.rawValue)")
        out.append("clauses:")
        for (k, clause) in a.clauses.enumerated() {
            out.append("  \(k): " + clause.map { a.tokens[$0].token.text }.joined(separator: " "))
        }
        out.append("redacted: \(a.redaction.text)")
        for w in a.redaction.warnings { out.append("warning: \(w)") }
        return out.joined(separator: "\n")
    }

    static func json(_ a: AnalyzedText) -> String {
        let tokens: [[String: Any]] = a.tokens.map { t in
            var d: [String: Any] = [
                "start": t.token.range.lowerBound, "end": t.token.range.upperBound, "kind": t.token.kind.rawValue,
                "text": t.token.text, "normalized": t.normalized, "lemma": t.lemma, "sentence": t.sentence,
                "clause": t.clause, "marks": t.marks,
                "readings": t.analyses.map { r -> [String: Any] in
                    var x: [String: Any] = ["lemma": r.lemma, "class": r.wordClass.rawValue, "parts": r.parts]
                    if let c = r.grammaticalCase { x["case"] = c.rawValue }
                    if let m = r.mood { x["mood"] = m.rawValue }
                    if let p = r.person { x["person"] = p }
                    if r.plural { x["plural"] = true }
                    if r.connegative { x["connegative"] = true }
                    if let c = r.comparison { x["comparison"] = c.rawValue }
                    if !r.clitics.isEmpty { x["clitics"] = r.clitics }
                    if let p = r.participle { x["participle"] = p }
                    return x
                },
            ]
            if let n = t.negatedBy { d["negatedBy"] = n }
            if let n = t.normalizedBy { d["normalizedBy"] = n.rawValue }
            return d
        }
        let doc: [String: Any] = [
            "text": a.text, "language": a.language.rawValue, "tokens": tokens, "clauses": a.clauses,
            "redacted": a.redaction.text, "warnings": a.redaction.warnings,
            "spans": a.redaction.spans.map {
                ["kind": $0.kind.rawValue, "original": [$0.original.lowerBound, $0.original.upperBound],
                 "redacted": [$0.redacted.lowerBound, $0.redacted.upperBound]] as [String: Any]
            },
        ]
        let data = (try? JSONSerialization.data(withJSONObject: doc, options: [.prettyPrinted, .sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
