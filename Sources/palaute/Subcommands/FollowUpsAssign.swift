import ArgumentParser
import PalauteStore

struct FollowUpsAssign: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "assign", abstract: "Give a case to someone.")

    @OptionGroup var options: FollowUpDatabaseOptions

    @Argument(help: "The case id.")
    var id: Int64

    @Option(help: "Who handles the case.")
    var to: String

    @Option(help: "Who makes the change (default $PALAUTE_USER, else $USER).")
    var by: String?

    func run() throws {
        let actor = FollowUpQueue.actor(explicit: by)
        try changeFollowUp(options) { db in try FollowUpQueue.assign(caseID: id, to: to, by: actor, in: db) }
        print("Case \(id) assigned to \(to) (by \(actor)).")
    }
}
