/// The layout of an export file.
public enum ExportFormat: Sendable, Hashable, CustomStringConvertible {
    /// Delimited text with a header row; the delimiter is detected from the header.
    case csv(delimiter: UInt8)
    /// JSON Lines: one object a line, keys as in the gold file format.
    case jsonLines

    /// `csv` or `jsonl`, as stored in `ingest_batch.format`.
    public var name: String {
        switch self {
        case .csv: "csv"
        case .jsonLines: "jsonl"
        }
    }

    public var description: String {
        switch self {
        case .csv(let d):
            switch d {
            case UInt8(ascii: "\t"): "csv (tab)"
            default: "csv ('\(Character(Unicode.Scalar(d)))')"
            }
        case .jsonLines: "jsonl"
        }
    }
}
