import Foundation
import PalauteStore

/// Writes the exports and the HTML report at the end of a run. The CLI passes the real writer (PalauteReport);
/// the run only calls it and records the files it wrote.
public protocol ReportWriting: Sendable {
    /// Writes into `directory` (created by the run) and returns the files written. Should write each file to a
    /// temporary name and rename it, so a killed run never leaves half a report.
    func write(database: PalauteDatabase, to directory: URL, runID: Int64) throws -> [URL]
}

/// A writer made from a closure, for the CLI and tests.
public struct ClosureReportWriter: ReportWriting {
    let body: @Sendable (PalauteDatabase, URL, Int64) throws -> [URL]

    public init(_ body: @escaping @Sendable (PalauteDatabase, URL, Int64) throws -> [URL]) {
        self.body = body
    }

    public func write(database: PalauteDatabase, to directory: URL, runID: Int64) throws -> [URL] {
        try body(database, directory, runID)
    }
}
