import ArgumentParser
import Foundation
import PalauteStore

struct FollowUpsList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List cases, most urgent first (closed cases only with --status closed or --all).")

    @OptionGroup var options: FollowUpDatabaseOptions

    @Option(help: "Only cases of this unit.")
    var unit: String?

    @Option(help: "Only this priority: urgent, high, normal, low.")
    var priority: String?

    @Option(help: "Only this status: new, in_progress, contacted, closed.")
    var status: String?

    @ArgumentParser.Flag(help: "Only open cases past their due date.")
    var overdue = false

    @ArgumentParser.Flag(help: "Include closed cases.")
    var all = false

    @Option(help: "Show at most this many cases.")
    var limit: Int?

    @ArgumentParser.Flag(help: "Print JSON instead of a table.")
    var json = false

    func run() throws {
        var filter = FollowUpFilter(unit: unit, overdueOnly: overdue, includeClosed: all, limit: limit)
        if let priority {
            guard let p = FollowUpCaseRecord.Priority(rawValue: priority) else {
                throw ValidationError("--priority must be urgent, high, normal or low")
            }
            filter.priority = p
        }
        if let status {
            do { filter.status = try FollowUpQueue.status(status) } catch { throw ValidationError("\(error)") }
        }
        let store = try openDatabase(options.database)
        let cases = try store.pool.read { db in try FollowUpQueue.list(filter, in: db) }
        if json { return try JSONOutput.print(cases) }
        if cases.isEmpty { return print("No cases match.") }
        var table = TextTable(["ID", "PRIORITY", "DUE", "STATUS", "ASSIGNEE", "UNIT", "SCORE", "REASON", "COMMENT"])
        table.maxWidth = 48
        for c in cases {
            table.add([String(c.id), c.priority, TableDate.day(c.dueAt) + (c.overdue ? " !" : ""), c.status,
                       c.assignee ?? "", c.unit ?? "", c.score.map(String.init) ?? "", c.reason, c.redactedText])
        }
        print(table.render())
        let overdueCount = cases.filter(\.overdue).count
        print("\(cases.count) case(s)\(overdueCount > 0 ? ", \(overdueCount) overdue (marked !)" : "")")
    }
}
