import ArgumentParser
import Foundation
import PalauteIngest
import PalauteStore

struct Ingest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load survey exports (CSV or JSON Lines) into the database.",
        discussion: """
            Each file is ingested in one transaction. Re-ingesting the same export changes nothing; a known id with \
            changed content updates the response and marks it for re-classification.
            Rejected rows are printed as file:line: field 'x': reason on stderr and appended to the rejects file.
            Exit status: 0 everything landed, 3 some rows were rejected, 4 a file could not be read at all.
            """
    )

    /// Exit status when some rows were rejected (the good rows still landed).
    static let exitRowsRejected: Int32 = 3
    /// Exit status when a file could not be read at all (takes precedence over 3).
    static let exitFileUnreadable: Int32 = 4

    @Argument(help: "Export files (.csv, .tsv, .txt, .jsonl).")
    var files: [String]

    @Option(help: "SQLite database (default $PALAUTE_DB, else palaute.sqlite).")
    var database: String?

    @Option(help: "Source label of the responses (default: the file name without a trailing date).")
    var source: String?

    @Option(name: .customLong("map"), help: ArgumentHelp(
        "Map a field to a column: field=column (fields: id, score, text, unit, date, channel, service). Repeatable.",
        valueName: "field=column"))
    var mappings: [String] = []

    @Option(help: "Rejects file, CSV, appended to (default: <database>-rejects.csv beside the database).")
    var rejects: String?

    @Flag(help: "Read a file even when the same bytes were ingested before.")
    var force = false

    @Flag(help: "Only read and validate the files: report rejects, write nothing (no database, no rejects file).")
    var check = false

    func run() throws {
        let mapping: HeaderMapping
        do { mapping = try HeaderMapping(arguments: mappings) } catch { throw ValidationError(error.description) }
        if check { return try runCheck(mapping: mapping) }
        let dbPath = database ?? PalauteDatabase.defaultPath()
        let store: PalauteDatabase
        do { store = try PalauteDatabase(path: dbPath) } catch {
            FileHandle.standardError.write(Data("palaute: \(error)\n".utf8))
            throw ExitCode.failure
        }
        let service = IngestService(database: store)
        var rejectsFile = RejectsFile(path: rejects ?? Self.defaultRejectsPath(database: dbPath))
        var anyRejected = false
        var anyUnreadable = false
        var totals = (read: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0)

        for file in files {
            let url = URL(fileURLWithPath: file)
            do {
                let s = try service.ingest(url, source: source, mapping: mapping, force: force, name: file) { row in
                    FileHandle.standardError.write(Data("\(row)\n".utf8))
                    rejectsFile.append(row)
                }
                switch s.outcome {
                case .alreadyIngested(let batch):
                    print("\(file): already ingested (batch \(batch), same SHA-256), skipped")
                case .ingested(let batch):
                    print("\(file): \(s.rowsRead) rows read, \(s.inserted) inserted, \(s.updated) updated, "
                        + "\(s.unchanged) unchanged, \(s.rejected) rejected "
                        + "[batch \(batch), source \(s.source), \(s.format), \(s.encoding), "
                        + String(format: "%.2f s", s.seconds) + "]")
                }
                totals.read += s.rowsRead
                totals.inserted += s.inserted
                totals.updated += s.updated
                totals.unchanged += s.unchanged
                totals.rejected += s.rejected
                if s.rejected > 0 { anyRejected = true }
            } catch let error as ExportError {
                FileHandle.standardError.write(Data("palaute: \(error)\n".utf8))
                anyUnreadable = true
            }
        }
        let (responses, pending) = try store.pool.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM response") ?? 0,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM response WHERE needs_classification = 1") ?? 0)
        }
        if files.count > 1 {
            print("total: \(totals.read) rows read, \(totals.inserted) inserted, \(totals.updated) updated, "
                + "\(totals.unchanged) unchanged, \(totals.rejected) rejected")
        }
        print("\(dbPath): \(responses) responses, \(pending) awaiting classification")
        if rejectsFile.written > 0 { print("rejects: \(rejectsFile.written) rows appended to \(rejectsFile.path)") }
        if let problem = rejectsFile.problem { FileHandle.standardError.write(Data("palaute: \(problem)\n".utf8)) }
        if anyUnreadable { throw ExitCode(Self.exitFileUnreadable) }
        if anyRejected { throw ExitCode(Self.exitRowsRejected) }
    }

    /// `--check`: the reader alone, as `palaute classify` uses it.
    private func runCheck(mapping: HeaderMapping) throws {
        var anyRejected = false
        var anyUnreadable = false
        for file in files {
            do {
                let rejected = try Self.check(file: file, mapping: mapping)
                if rejected > 0 { anyRejected = true }
            } catch {
                FileHandle.standardError.write(Data("palaute: \(error)\n".utf8))
                anyUnreadable = true
            }
        }
        if anyUnreadable { throw ExitCode(Self.exitFileUnreadable) }
        if anyRejected { throw ExitCode(Self.exitRowsRejected) }
    }

    /// Reads one file, prints its rejects and a summary line; returns the number of rejected rows.
    private static func check(file: String, mapping: HeaderMapping) throws(ExportError) -> Int {
        let start = ContinuousClock.now
        let reader = try ExportReader(url: URL(fileURLWithPath: file), mapping: mapping, name: file)
        var good = 0
        var bad = 0
        while let row = try reader.next() {
            switch row {
            case .record: good += 1
            case .rejected(let r):
                bad += 1
                FileHandle.standardError.write(Data("\(r)\n".utf8))
            }
        }
        let t = ContinuousClock.now - start
        let seconds = Double(t.components.seconds) + Double(t.components.attoseconds) / 1e18
        let columns = reader.columns.sorted { $0.key.rawValue < $1.key.rawValue }
            .map { "\($0.key.rawValue)=\($0.value)" }.joined(separator: ", ")
        print("\(file): \(good + bad) rows, \(good) good, \(bad) rejected [\(reader.format), \(reader.encoding.rawValue), "
            + "columns \(columns)" + (reader.derivesIDs ? ", ids derived from content" : "")
            + String(format: ", %.2f s]", seconds))
        return bad
    }

    static func defaultRejectsPath(database: String) -> String {
        let url = URL(fileURLWithPath: database)
        let stem = url.deletingPathExtension().lastPathComponent
        return url.deletingLastPathComponent().appendingPathComponent("\(stem)-rejects.csv").relativePath
    }
}

/// The rejects file: CSV `at,file,line,field,reason`, created 0600 with a header, appended to by later runs.
struct RejectsFile {
    let path: String
    private(set) var written = 0
    private(set) var problem: String?
    private var handle: FileHandle?
    private let at = ISO8601DateFormatter().string(from: Date())

    init(path: String) { self.path = path }

    mutating func append(_ row: RejectedRow) {
        if handle == nil && problem == nil { open() }
        guard let handle else { return }
        let fields = [at, row.file, String(row.line), row.field ?? "", row.reason]
        handle.write(Data((fields.map(Self.quote).joined(separator: ",") + "\n").utf8))
        written += 1
    }

    private mutating func open() {
        let fd = Foundation.open(path, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        guard fd >= 0 else {
            problem = "cannot write rejects file \(path): \(String(cString: strerror(errno)))"
            return
        }
        let h = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        if (try? h.seekToEnd()) == 0 { h.write(Data("at,file,line,field,reason\n".utf8)) }
        handle = h
    }

    static func quote(_ s: String) -> String {
        if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }
}
