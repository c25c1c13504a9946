import Foundation

/// Spoken and dialect word forms mapped to standard Finnish ("mä" → "minä", "kiitti" → "kiitos").
///
/// Loaded from `lexicons/colloquial.tsv` (format in that file's header and docs/text-analysis.md). An entry
/// overrides Voikko: the quality team adds a form when Voikko misreads it ("kiitti" is also a verb form).
public struct ColloquialTable: Sendable, Equatable {
    public private(set) var entries: [String: String]

    public init(entries: [String: String] = [:]) {
        self.entries = entries
    }

    /// The standard form of a lower-cased word, if the table has one.
    public func standard(for word: String) -> String? { entries[word] }

    /// Reads the file; throws `LexiconError` naming the file and the offending line.
    public static func load(from url: URL) throws -> ColloquialTable {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw LexiconError(file: url.path, line: 0, message: "cannot read the file as UTF-8 (\(error))")
        }
        return try parse(text, file: url.path)
    }

    /// Parses `colloquial<TAB>standard` lines; `#` starts a comment line.
    public static func parse(_ text: String, file: String) throws -> ColloquialTable {
        var entries: [String: String] = [:]
        var firstLine: [String: Int] = [:]
        var lineNumber = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 2 else {
                throw LexiconError(
                    file: file, line: lineNumber,
                    message: "expected `colloquial<TAB>standard`, found \(fields.count) tab-separated field(s)")
            }
            let colloquial = String(fields[0]), standard = String(fields[1])
            for (name, value) in [("colloquial", colloquial), ("standard", standard)] {
                if value.isEmpty {
                    throw LexiconError(file: file, line: lineNumber, message: "the \(name) form is empty")
                }
                if value.contains(where: { $0.isWhitespace }) {
                    throw LexiconError(file: file, line: lineNumber, message: "the \(name) form \"\(value)\" contains a space")
                }
                if value != value.lowercased() {
                    throw LexiconError(file: file, line: lineNumber, message: "the \(name) form \"\(value)\" is not lower case")
                }
            }
            if colloquial == standard {
                throw LexiconError(file: file, line: lineNumber, message: "\"\(colloquial)\" is mapped to itself")
            }
            if let first = firstLine[colloquial] {
                throw LexiconError(
                    file: file, line: lineNumber, message: "\"\(colloquial)\" is already defined on line \(first)")
            }
            firstLine[colloquial] = lineNumber
            entries[colloquial] = standard
        }
        return ColloquialTable(entries: entries)
    }

    /// The table shipped in the binary, used when no `lexicons/` folder can be found: a core subset of
    /// lexicons/colloquial.tsv (the file is the one the quality team edits; a test checks they agree).
    public static let builtIn = ColloquialTable(entries: [
        "mä": "minä", "sä": "sinä", "mää": "minä", "sää": "sinä", "mun": "minun", "sun": "sinun",
        "mulle": "minulle", "sulle": "sinulle", "mulla": "minulla", "sulla": "sinulla", "mua": "minua",
        "tää": "tämä", "oon": "olen", "oot": "olet", "oo": "ole", "ois": "olisi", "olis": "olisi", "vois": "voisi",
        "pitäis": "pitäisi", "kyl": "kyllä", "ny": "nyt", "nii": "niin", "sit": "sitten", "mut": "mutta", "ku": "kun",
        "kans": "kanssa", "viel": "vielä", "jees": "hyvä", "kiitti": "kiitos", "kiitsi": "kiitos",
        "hyvvee": "hyvää", "hyvee": "hyvää", "mitää": "mitään", "kukaa": "kukaan", "koskaa": "koskaan",
        "semmonen": "sellainen",
    ])
}
