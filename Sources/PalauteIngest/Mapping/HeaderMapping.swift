/// Which export column (or JSON key) feeds which field of a `SurveyRecord`.
///
/// Without explicit entries the header is matched against English and Finnish names
/// (`HeaderMapping.Field.defaultNames`), case- and accent-insensitively after trimming, with a trailing
/// parenthesised note ignored ("Suositteluhalukkuus (0-10)"). An explicit entry wins over the defaults.
public struct HeaderMapping: Sendable, Hashable {
    /// A field palaute reads from an export.
    public enum Field: String, CaseIterable, Sendable, Hashable, Codable {
        case id, score, text, unit, date, channel, service

        /// Header names recognised without configuration, already in normalised form.
        public var defaultNames: [String] {
            switch self {
            case .id: ["id", "tunnus", "vastaustunnus", "vastaus id", "response id", "respondent id", "external id", "palautetunnus"]
            case .score: ["score", "pisteet", "suositteluhalukkuus", "nps", "nps score", "nps pisteet", "arvosana", "rating", "recommend"]
            case .text: ["comment", "kommentti", "palaute", "vapaa palaute", "text", "teksti", "vapaa teksti", "feedback",
                         "kommentit", "avoin palaute", "avoin vastaus", "free text", "kommentar", "svar"]
            case .unit: ["unit", "yksikko", "toimipiste", "toimipaikka", "clinic", "enhet", "verksamhetsstalle"]
            case .date: ["date", "paivamaara", "kayntipaiva", "kayntipaivamaara", "visited on", "visit date", "pvm", "datum", "besoksdatum"]
            case .channel: ["channel", "kanava", "kanal", "source channel"]
            case .service: ["service", "palvelu", "tjanst", "palvelualue"]
            }
        }

        /// Accepts the field names of `--map` and of the gold JSONL format (`comment`, `visited_on`).
        public init?(argument: String) {
            switch Self.normalise(argument) {
            case "id", "external id": self = .id
            case "score", "nps": self = .score
            case "text", "comment": self = .text
            case "unit": self = .unit
            case "date", "visited on": self = .date
            case "channel": self = .channel
            case "service": self = .service
            default: return nil
            }
        }

        /// Lowercased, Finnish/Swedish letters folded to ASCII, `_`/`-`/`.` as spaces, spaces collapsed,
        /// a trailing parenthesised note dropped.
        public static func normalise(_ header: String) -> String {
            var s = header.lowercased()
            if let open = s.firstIndex(of: "("), s.hasSuffix(")"), open != s.startIndex { s = String(s[..<open]) }
            var out = ""
            var space = false
            for ch in s.unicodeScalars {
                let folded: Character
                switch ch {
                case "ä", "å", "á", "à": folded = "a"
                case "ö", "ó", "ø": folded = "o"
                case "é", "è": folded = "e"
                case "ü": folded = "u"
                case "_", "-", ".", " ", "\t", "\u{A0}", ":": folded = " "
                case "\u{FEFF}", "\"", "\u{0300}"..."\u{036F}": continue
                default: folded = Character(ch)
                }
                if folded == " " {
                    space = !out.isEmpty
                } else {
                    if space { out.append(" "); space = false }
                    out.append(folded)
                }
            }
            return out
        }
    }

    /// Explicit field → column name entries (the column name as in the header).
    public var explicit: [Field: String]

    public init(_ explicit: [Field: String] = [:]) { self.explicit = explicit }

    /// The header defaults only.
    public static let `default` = HeaderMapping()

    /// Parses `field=column` arguments of `palaute ingest --map`, e.g. `score=Kuinka todennäköisesti suosittelisit`.
    public init(arguments: [String]) throws(MappingError) {
        var explicit: [Field: String] = [:]
        for arg in arguments {
            guard let eq = arg.firstIndex(of: "=") else { throw .malformed(arg) }
            let name = String(arg[..<eq]).trimmingSpaces
            let column = String(arg[arg.index(after: eq)...]).trimmingSpaces
            guard let field = Field(argument: name) else { throw .unknownField(name) }
            guard !column.isEmpty else { throw .malformed(arg) }
            explicit[field] = column
        }
        self.init(explicit)
    }

    /// Resolves a header row: the column index of each field found. Unknown columns are ignored.
    /// Throws when an explicitly mapped column is missing or a column is claimed twice.
    func resolve(header: [String]) throws(MappingError) -> [Field: Int] {
        let normalised = header.map(Field.normalise)
        var result: [Field: Int] = [:]
        for (field, column) in explicit {
            let wanted = Field.normalise(column)
            guard let i = normalised.firstIndex(of: wanted) else { throw .columnNotFound(field: field, column: column) }
            result[field] = i
        }
        let taken = Set(result.values)
        for field in Field.allCases where result[field] == nil {
            for name in field.defaultNames {
                if let i = normalised.firstIndex(of: name), !taken.contains(i), !result.values.contains(i) {
                    result[field] = i
                    break
                }
            }
        }
        return result
    }
}

/// A `--map` argument or header that cannot be used.
public enum MappingError: Error, Sendable, Hashable, CustomStringConvertible {
    case malformed(String)
    case unknownField(String)
    case columnNotFound(field: HeaderMapping.Field, column: String)

    public var description: String {
        switch self {
        case .malformed(let s): "mapping '\(s)' is not field=column"
        case .unknownField(let s):
            "unknown field '\(s)' (fields: \(HeaderMapping.Field.allCases.map(\.rawValue).joined(separator: ", ")))"
        case let .columnNotFound(field, column): "column '\(column)' mapped to \(field.rawValue) is not in the header"
        }
    }
}

extension String {
    /// Without leading and trailing spaces, tabs, line breaks and no-break spaces; works on UTF-8 bytes
    /// because it runs on every field of every row.
    var trimmingSpaces: String {
        var copy = self
        return copy.withUTF8 { b -> String in
            var lo = 0
            var hi = b.count
            while lo < hi {
                let c = b[lo]
                if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { lo += 1 }
                else if c == 0xC2 && lo + 1 < hi && b[lo + 1] == 0xA0 { lo += 2 }
                else { break }
            }
            while hi > lo {
                let c = b[hi - 1]
                if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { hi -= 1 }
                else if c == 0xA0 && hi - 2 >= lo && b[hi - 2] == 0xC2 { hi -= 2 }
                else { break }
            }
            if lo == 0 && hi == b.count { return self }
            return String(decoding: UnsafeBufferPointer(rebasing: b[lo..<hi]), as: UTF8.self)
        }
    }
}
