/// A file-level failure: the export could not be read at all, so none of its rows land.
/// (A single bad row is not an error but an `IngestRow.rejected`.)
public struct ExportError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Problem: Sendable, Hashable {
        case cannotOpen(String)
        case isDirectory
        case empty
        case binary
        case unsupportedEncoding(String)
        case jsonArray
        case noUsableColumns(columnCount: Int)
        case mapping(MappingError)
        case readFailed(String)
    }

    /// The file as it was named to the reader.
    public var file: String
    public var problem: Problem

    public init(file: String, problem: Problem) {
        self.file = file
        self.problem = problem
    }

    public var description: String {
        let what: String = switch problem {
        case .cannotOpen(let reason): "cannot open: \(reason)"
        case .isDirectory: "is a directory"
        case .empty: "is empty (no header, no rows)"
        case .binary: "is not a text file (binary content)"
        case .unsupportedEncoding(let name): "is \(name); save it as CSV UTF-8 or CSV (Windows-1252)"
        case .jsonArray: "is a JSON array; palaute reads JSON Lines (one object a line)"
        case .noUsableColumns(let n):
            "none of its \(n) columns is recognised as a comment or a score column; name them with --map text=… score=…"
        case .mapping(let e): e.description
        case .readFailed(let reason): "read failed: \(reason)"
        }
        return "\(file): \(what)"
    }
}
