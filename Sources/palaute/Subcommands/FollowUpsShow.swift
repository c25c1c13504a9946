import ArgumentParser
import Foundation
import PalauteStore

struct FollowUpsShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one case with its history.")

    @OptionGroup var options: FollowUpDatabaseOptions

    @Argument(help: "The case id.")
    var id: Int64

    @ArgumentParser.Flag(help: "Print JSON.")
    var json = false

    func run() throws {
        let store = try openDatabase(options.database)
        let view: FollowUpCaseView
        do { view = try store.pool.read { db in try FollowUpQueue.show(caseID: id, in: db) } } catch let e as FollowUpError {
            FileHandle.standardError.write(Data("palaute: \(e)\n".utf8))
            throw ExitCode.failure
        }
        if json { return try JSONOutput.print(view) }
        let topics = view.topics.map { "\($0.topic):\($0.label)" }.joined(separator: ", ")
        var lines = [
            "Case \(view.id)  \(view.priority.uppercased())  \(view.status)\(view.overdue ? "  OVERDUE" : "")",
            "Reason:     \(view.reason)",
            "Unit:       \(view.unit ?? "-")   visit \(view.visitedOn ?? "-")   score \(view.score.map(String.init) ?? "-")"
                + "   response \(view.source ?? "?")/\(view.externalID ?? "?")",
            "Opened:     \(TableDate.minutes(view.openedAt))   due \(TableDate.minutes(view.dueAt))",
            "Assignee:   \(view.assignee ?? "-")",
            "Sentiment:  \(view.sentiment ?? "-")   flags: \(view.flags.isEmpty ? "-" : view.flags.joined(separator: ", "))",
            "Topics:     \(topics.isEmpty ? "-" : topics)",
            "Comment:    \(view.redactedText)",
        ]
        if let r = view.closingReason { lines.append("Closed as:  \(r)") }
        if !view.notes.isEmpty { lines.append("Notes:\n  " + view.notes.replacingOccurrences(of: "\n", with: "\n  ")) }
        lines.append("History:")
        for e in view.events ?? [] {
            lines.append("  \(TableDate.minutes(e.at))  \(e.by)  \(e.kind)  \(e.detail)")
        }
        print(lines.joined(separator: "\n"))
    }
}
