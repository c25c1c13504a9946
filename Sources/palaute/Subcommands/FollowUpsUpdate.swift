import ArgumentParser
import PalauteStore

struct FollowUpsUpdate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update", abstract: "Change a case's status and/or add a note (closing: use close).")

    @OptionGroup var options: FollowUpDatabaseOptions

    @Argument(help: "The case id.")
    var id: Int64

    @Option(help: "New status: new, in_progress, contacted.")
    var status: String?

    @Option(help: "A note for the case history.")
    var note: String?

    @Option(help: "Why a closed case is reopened (required to reopen).")
    var reason: String?

    @Option(help: "Who makes the change (default $PALAUTE_USER, else $USER).")
    var by: String?

    func validate() throws {
        if status == nil && note == nil { throw ValidationError("give --status and/or --note") }
    }

    func run() throws {
        let actor = FollowUpQueue.actor(explicit: by)
        let newStatus: FollowUpStateRecord.Status?
        do { newStatus = try status.map(FollowUpQueue.status) } catch { throw ValidationError("\(error)") }
        try changeFollowUp(options) { db in
            try FollowUpQueue.update(caseID: id, status: newStatus, note: note, reason: reason, by: actor, in: db)
        }
        print("Case \(id) updated\(newStatus.map { " to \($0.rawValue)" } ?? "") (by \(actor)).")
    }
}
