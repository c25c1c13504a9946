import GRDB
import GRDBSQLite

/// A prepared statement driven through SQLite's C API, for the statements ingest and the result writer run per row.
///
/// GRDB's `StatementArguments` box every value; at a million rows that boxing costs more than SQLite's insert.
/// Use only inside a GRDB write transaction on `db`, and let it go before the transaction ends.
final class RawStatement {
    private let handle: OpaquePointer
    private let connection: OpaquePointer
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(_ db: Database, sql: String) throws {
        connection = db.sqliteConnection!
        var stmt: OpaquePointer?
        let rc = sqlite3_prepare_v2(connection, sql, -1, &stmt, nil)
        guard rc == SQLITE_OK, let stmt else {
            throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: String(cString: sqlite3_errmsg(connection)), sql: sql)
        }
        handle = stmt
    }

    deinit { sqlite3_finalize(handle) }

    func bind(_ index: Int32, _ value: String?) {
        guard var value else { sqlite3_bind_null(handle, index); return }
        value.withUTF8 { b in
            guard let base = b.baseAddress, b.count > 0 else {
                _ = sqlite3_bind_text(handle, index, "", 0, Self.transient)
                return
            }
            _ = sqlite3_bind_text(handle, index, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self),
                                  Int32(b.count), Self.transient)
        }
    }

    func bind(_ index: Int32, _ value: Int?) {
        guard let value else { sqlite3_bind_null(handle, index); return }
        sqlite3_bind_int64(handle, index, Int64(value))
    }

    func bind(_ index: Int32, _ value: Int64) { sqlite3_bind_int64(handle, index, value) }

    func bind(_ index: Int32, _ value: Double) { sqlite3_bind_double(handle, index, value) }

    /// Steps the statement to completion, passing column 0 of each result row (RETURNING) to `row`,
    /// then resets it and clears its bindings for the next use.
    func run(_ row: (String) -> Void = { _ in }) throws {
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
        while true {
            let rc = sqlite3_step(handle)
            if rc == SQLITE_DONE { return }
            guard rc == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: String(cString: sqlite3_errmsg(connection)))
            }
            if let text = sqlite3_column_text(handle, 0) {
                row(String(cString: text))
            } else {
                row("")
            }
        }
    }
}
