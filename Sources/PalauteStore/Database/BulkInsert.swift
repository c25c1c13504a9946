import GRDB

/// One value of a row buffered by `BulkInsert`.
enum SQLValue {
    case int(Int64)
    case real(Double)
    case text(String)
    case null

    init(_ v: String?) { self = v.map { .text($0) } ?? .null }
    init(_ v: Int?) { self = v.map { .int(Int64($0)) } ?? .null }
    init(_ v: Int64?) { self = v.map { .int($0) } ?? .null }
    init(_ v: Bool) { self = .int(v ? 1 : 0) }
}

/// Buffers rows of one table and writes them with multi-row INSERTs (`rowsPerStatement` rows a statement), so
/// SQLite's per-statement work (opening cursors on the table and its indexes, the AUTOINCREMENT counter) is paid
/// once per group instead of once per row, and no value goes through GRDB's boxed arguments.
///
/// Use inside one write transaction on `db`; call `flush()` before the transaction ends.
final class BulkInsert {
    private let db: Database
    private let sqlPrefix: String
    private let placeholders: String
    private let columnCount: Int
    private let rowsPerStatement: Int
    private var statements: [Int: RawStatement] = [:]
    private var values: [SQLValue] = []

    init(_ db: Database, table: String, columns: [String], rowsPerStatement: Int = 64) {
        self.db = db
        columnCount = columns.count
        // SQLite allows 32,766 parameters a statement.
        self.rowsPerStatement = max(1, min(rowsPerStatement, 32_766 / max(1, columns.count)))
        sqlPrefix = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
        placeholders = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
    }

    /// Buffers one row; its values in the order of `columns`. Nothing is written before `flush()`, so rows of
    /// several `BulkInsert`s can be flushed parents first whatever order they were added in.
    func add(_ row: SQLValue...) {
        precondition(row.count == columnCount, "BulkInsert: \(row.count) values for \(columnCount) columns")
        values.append(contentsOf: row)
    }

    /// Writes the buffered rows, `rowsPerStatement` a statement.
    func flush() throws {
        var start = 0
        while start < values.count {
            let rows = min(rowsPerStatement, (values.count - start) / columnCount)
            let statement = try statement(rows: rows)
            for i in 0..<(rows * columnCount) {
                let p = Int32(i + 1)
                switch values[start + i] {
                case .int(let n): statement.bind(p, n)
                case .real(let d): statement.bind(p, d)
                case .text(let s): statement.bind(p, s)
                case .null: statement.bind(p, nil as String?)
                }
            }
            try statement.run()
            start += rows * columnCount
        }
        values.removeAll(keepingCapacity: true)
    }

    private func statement(rows: Int) throws -> RawStatement {
        if let s = statements[rows] { return s }
        let sql = sqlPrefix + Array(repeating: placeholders, count: rows).joined(separator: ", ")
        let s = try RawStatement(db, sql: sql)
        statements[rows] = s
        return s
    }
}
