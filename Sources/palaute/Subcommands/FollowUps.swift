import ArgumentParser
import Foundation
import GRDB
import PalauteStore

struct FollowUps: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "followups",
        abstract: "The follow-up queue: list, show, assign, update and close cases.",
        discussion: """
            Statuses: new → in_progress → contacted → closed. Closing needs a reason code \
            (\(ClosingReason.list)); reopening a closed case needs --reason TEXT. \
            Every change is recorded in the case history and the audit log, with the actor from --by, \
            else $PALAUTE_USER, else $USER. Texts shown are redacted.
            """,
        subcommands: [FollowUpsList.self, FollowUpsShow.self, FollowUpsAssign.self, FollowUpsUpdate.self,
                      FollowUpsClose.self],
        defaultSubcommand: FollowUpsList.self
    )
}

/// Options every follow-up command takes.
struct FollowUpDatabaseOptions: ParsableArguments {
    @Option(help: "SQLite database (default $PALAUTE_DB, else palaute.sqlite).")
    var database: String?
}

/// Runs a follow-up change in one write transaction; a refused change prints its reason and exits 1.
func changeFollowUp(_ options: FollowUpDatabaseOptions, _ body: (Database) throws -> Void) throws {
    let store = try openDatabase(options.database)
    do {
        try store.pool.write { db in try body(db) }
    } catch let error as FollowUpError {
        FileHandle.standardError.write(Data("palaute: \(error)\n".utf8))
        throw ExitCode.failure
    }
}
