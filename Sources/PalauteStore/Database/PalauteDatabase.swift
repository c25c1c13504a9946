import Foundation
import GRDB

/// The palaute SQLite database: one file, WAL mode, foreign keys on, migrated on open.
///
/// Comments contain identity codes and phone numbers, so a new database file is created with mode 0600
/// before SQLite touches it; SQLite gives its `-wal` and `-shm` files the same mode.
public final class PalauteDatabase: Sendable {
    /// The GRDB pool: concurrent readers, one writer (WAL).
    public let pool: DatabasePool
    /// The database file path as given.
    public let path: String

    /// Opens (creating when missing) and migrates the database at `path`.
    public init(path: String) throws {
        self.path = path
        try Self.createPrivateFile(at: path)
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.label = "palaute"
        // Wait for another writer (a nightly run, a manager editing follow-up) rather than fail at once.
        config.busyMode = .timeout(10)
        do {
            pool = try DatabasePool(path: path, configuration: config)
            try Self.migrator.migrate(pool)
        } catch let error as DatabaseError {
            throw StoreError.cannotOpen(path: path, reason: error.message ?? error.description)
        }
    }

    /// The database path to use when none is given: `$PALAUTE_DB`, else `palaute.sqlite` in the working directory.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let p = environment["PALAUTE_DB"], !p.isEmpty { return p }
        return "palaute.sqlite"
    }

    /// Creates an empty file with mode 0600 when `path` does not exist yet; an existing file is left as it is.
    static func createPrivateFile(at path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        if fd < 0 {
            let err = errno
            if err == EEXIST { return }
            throw StoreError.cannotCreate(path: path, reason: String(cString: strerror(err)))
        }
        defer { close(fd) }
        // umask can only remove bits, but make the mode exact anyway.
        if fchmod(fd, 0o600) != 0 {
            throw StoreError.cannotCreate(path: path, reason: String(cString: strerror(errno)))
        }
    }
}

/// What went wrong with the database file itself.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    case cannotCreate(path: String, reason: String)
    case cannotOpen(path: String, reason: String)

    public var description: String {
        switch self {
        case let .cannotCreate(path, reason): "cannot create database \(path): \(reason)"
        case let .cannotOpen(path, reason): "cannot open database \(path): \(reason)"
        }
    }
}
