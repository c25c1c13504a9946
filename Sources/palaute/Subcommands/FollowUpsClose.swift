import ArgumentParser
import Foundation
import PalauteStore

struct FollowUpsClose: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close", abstract: "Close a case with a reason code: \(ClosingReason.list).")

    @OptionGroup var options: FollowUpDatabaseOptions

    @Argument(help: "The case id.")
    var id: Int64

    @Option(help: "Reason code: \(ClosingReason.list).")
    var reason: String?

    @Option(help: "A note for the case history.")
    var note: String?

    @Option(help: "Who makes the change (default $PALAUTE_USER, else $USER).")
    var by: String?

    func run() throws {
        let actor = FollowUpQueue.actor(explicit: by)
        let code: ClosingReason
        do {
            guard let reason else { throw FollowUpError.closingNeedsReason(caseID: id) }
            code = try FollowUpQueue.closingReason(reason)
        } catch let e as FollowUpError {
            FileHandle.standardError.write(Data("palaute: \(e)\n".utf8))
            throw ExitCode.failure
        }
        try changeFollowUp(options) { db in
            try FollowUpQueue.close(caseID: id, reason: code, note: note, by: actor, in: db)
        }
        print("Case \(id) closed as \(code.rawValue) (by \(actor)).")
    }
}
