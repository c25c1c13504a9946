import ArgumentParser
import Foundation
import GRDB
import PalauteStore

struct Runs: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List nightly runs: when, how they ended, what they ingested, classified and queued.")

    @Option(help: "SQLite database (default $PALAUTE_DB, else palaute.sqlite).")
    var database: String?

    @Option(help: "Show at most this many runs, newest first.")
    var limit: Int = 20

    @ArgumentParser.Flag(help: "Print JSON instead of a table.")
    var json = false

    struct Entry: Encodable {
        var id: Int64
        var startedAt: Date
        var finishedAt: Date?
        var seconds: Double?
        var status: String
        var ingested, rejected, classified: Int
        var newFollowups: Int
        var files: [String]
        var message: String?

        enum CodingKeys: String, CodingKey {
            case id, status, ingested, rejected, classified, files, message, seconds
            case startedAt = "started_at"
            case finishedAt = "finished_at"
            case newFollowups = "new_followups"
        }
    }

    func run() throws {
        let store = try openDatabase(database)
        let runs = try store.pool.read { db in
            try NightlyRunRecord.order(NightlyRunRecord.Columns.id.desc).limit(max(0, limit)).fetchAll(db)
        }
        let entries = runs.map { r in
            Entry(id: r.id!, startedAt: r.startedAt, finishedAt: r.finishedAt,
                  seconds: r.finishedAt.map { $0.timeIntervalSince(r.startedAt) }, status: r.status.rawValue,
                  ingested: r.ingested, rejected: r.rejected, classified: r.classified, newFollowups: r.newFollowups,
                  files: (try? JSONDecoder().decode([String].self, from: Data(r.files.utf8))) ?? [],
                  message: r.message)
        }
        if json { return try JSONOutput.print(entries) }
        if entries.isEmpty { return print("No runs yet (palaute run starts one).") }
        var table = TextTable(["ID", "STARTED", "SECONDS", "STATUS", "INGESTED", "REJECTED", "CLASSIFIED",
                               "NEW CASES", "MESSAGE"])
        table.maxWidth = 90
        for e in entries {
            table.add([String(e.id), TableDate.minutes(e.startedAt), e.seconds.map { String(format: "%.1f", $0) } ?? "",
                       e.status, String(e.ingested), String(e.rejected), String(e.classified), String(e.newFollowups),
                       e.message ?? ""])
        }
        print(table.render())
    }
}

/// Opens the database named by `--database`, `$PALAUTE_DB` or the default, with a one-line error.
func openDatabase(_ path: String?) throws -> PalauteDatabase {
    do { return try PalauteDatabase(path: path ?? PalauteDatabase.defaultPath()) } catch {
        FileHandle.standardError.write(Data("palaute: \(error)\n".utf8))
        throw ExitCode.failure
    }
}
