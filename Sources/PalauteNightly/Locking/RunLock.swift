#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// An exclusive, non-blocking `flock` on `<database>.lock`, held for the whole run.
///
/// The kernel releases it when the process ends in any way (SIGKILL included), so a lock is never stale; the file
/// itself stays and holds the pid of the last holder, only for the message a second run prints.
public final class RunLock {
    public let path: String
    private var fd: Int32

    /// Takes the lock or throws `NightlyError.locked` at once.
    public init(path: String) throws {
        self.path = path
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw NightlyError.lockUnavailable(path: path, reason: String(cString: strerror(errno)))
        }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let err = errno
            var buffer = [UInt8](repeating: 0, count: 32)
            let n = pread(fd, &buffer, 31, 0)
            close(fd)
            fd = -1
            if err == EWOULDBLOCK {
                let holder = n > 0 ? String(decoding: buffer[0..<n], as: UTF8.self)
                    .trimmingCharacters(in: .whitespacesAndNewlines) : ""
                throw NightlyError.locked(path: path, holder: Int32(holder))
            }
            throw NightlyError.lockUnavailable(path: path, reason: String(cString: strerror(err)))
        }
        let pid = "\(getpid())\n"
        _ = ftruncate(fd, 0)
        _ = pid.withCString { pwrite(fd, $0, strlen($0), 0) }
    }

    /// The lock file for a database path.
    public static func path(forDatabase database: String) -> String { database + ".lock" }

    /// Releases the lock (also done on deinit and by the kernel at exit).
    public func release() {
        guard fd >= 0 else { return }
        _ = flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }

    deinit { release() }
}
