import ArgumentParser
import Foundation
import PalauteReport
import PalauteStore

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write responses, topic mentions, follow-up cases and aggregates as CSV and JSON Lines.",
        discussion: """
            CSV files are for Finnish Excel (UTF-8 with BOM, ';', decimal comma); JSON Lines files have plain numbers. \
            Comment text is the redacted text unless --include-pii is given; every export is written to the audit \
            log. Files and columns are described in docs/reporting.md.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, jsonl, both }
    enum Period: String, ExpressibleByArgument, CaseIterable { case month, week, both }

    @Option(help: "SQLite database (default $PALAUTE_DB, else palaute.sqlite).")
    var database: String?

    @Option(help: "Output directory.")
    var out = "out"

    @Option(help: "csv, jsonl or both.")
    var format: Format = .both

    @Option(help: "Aggregate period: month, week or both.")
    var period: Period = .both

    @Flag(help: "Export the original, unredacted comment text (logged in the audit log).")
    var includePII = false

    @Option(help: "Who is exporting, for the audit log (default $PALAUTE_USER, else $USER).")
    var by: String?

    @Flag(help: "Also write report.html.")
    var report = false

    func run() throws {
        let store = try Self.openDatabase(database)
        let formats: Set<ExportOptions.Format> = switch format {
        case .csv: [.csv]
        case .jsonl: [.jsonl]
        case .both: [.csv, .jsonl]
        }
        let periods: [ReportPeriod] = switch period {
        case .month: [.month]
        case .week: [.week]
        case .both: [.month, .week]
        }
        let options = ExportOptions(
            formats: formats, periods: periods, includePII: includePII, actor: by ?? ExportOptions.defaultActor())
        do {
            let output = try ReportWriter(database: store).write(
                to: URL(fileURLWithPath: out), options: .init(export: options, writeReport: report))
            let s = output.export!
            print("\(out): \(s.responses) responses, \(s.mentions) topic mentions, \(s.followUps) follow-up cases; "
                + "text \(includePII ? "UNREDACTED (logged in audit_log)" : "redacted")")
            for f in output.files { print("  \(f.lastPathComponent)") }
        } catch let error as ReportError {
            FileHandle.standardError.write(Data("palaute: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}

extension Export {
    /// Opens the database or exits with a message naming the file.
    static func openDatabase(_ path: String?) throws -> PalauteDatabase {
        let dbPath = path ?? PalauteDatabase.defaultPath()
        do { return try PalauteDatabase(path: dbPath) } catch {
            FileHandle.standardError.write(Data("palaute: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}
