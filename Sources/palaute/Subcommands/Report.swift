import ArgumentParser
import Foundation
import PalauteReport

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write report.html: one self-contained file with NPS trends, ruusut ja risut, follow-ups and run health.",
        discussion: "The report shows only redacted comment text. See docs/reporting.md."
    )

    @Option(help: "SQLite database (default $PALAUTE_DB, else palaute.sqlite).")
    var database: String?

    @Option(help: "Output directory.")
    var out = "out"

    func run() throws {
        let store = try Export.openDatabase(database)
        do {
            let url = try HTMLReport(database: store).write(to: URL(fileURLWithPath: out))
            print(url.relativePath)
        } catch let error as ReportError {
            FileHandle.standardError.write(Data("palaute: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}
