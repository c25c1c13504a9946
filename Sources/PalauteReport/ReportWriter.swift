import Foundation
import PalauteStore

/// The one entry point the nightly run calls at its end: all export files plus `report.html` into one directory.
///
/// Exports and report come from the same pass over the responses, so their figures agree.
public struct ReportWriter: Sendable {
    public struct Options: Sendable {
        public var export: ExportOptions
        /// Write the export files (CSV/JSON Lines); false writes only `report.html`.
        public var writeExports: Bool
        /// Write `report.html`.
        public var writeReport: Bool

        public init(export: ExportOptions = ExportOptions(), writeExports: Bool = true, writeReport: Bool = true) {
            self.export = export
            self.writeExports = writeExports
            self.writeReport = writeReport
        }
    }

    /// What was written.
    public struct Output: Sendable {
        public var report: URL?
        public var export: ExportSummary?
        public var files: [URL] { (export?.files ?? []) + (report.map { [$0] } ?? []) }
    }

    public let database: PalauteDatabase

    public init(database: PalauteDatabase) { self.database = database }

    /// Writes into `outDir` (created 0700 when missing). Comment text is redacted unless
    /// `options.export.includePII`, which only affects the export files (never the HTML report) and is audited.
    @discardableResult
    public func write(to outDir: URL, options: Options = Options()) throws -> Output {
        var output = Output()
        var aggregates: Aggregates?
        if options.writeExports {
            let summary = try Exporter(database: database).export(to: outDir, options: options.export)
            aggregates = summary.aggregates
            output.export = summary
        }
        if options.writeReport {
            output.report = try HTMLReport(database: database)
                .write(to: outDir, now: options.export.now, aggregates: aggregates)
        }
        return output
    }
}
