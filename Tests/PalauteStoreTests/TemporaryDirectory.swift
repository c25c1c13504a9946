import Foundation

/// A fresh directory under the system temp dir, removed when the value goes away.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("palaute-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes `contents` to a file in the directory and returns its URL.
    @discardableResult
    func write(_ name: String, _ contents: String) throws -> URL {
        let u = url.appendingPathComponent(name)
        try Data(contents.utf8).write(to: u)
        return u
    }

    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> URL {
        let u = url.appendingPathComponent(name)
        try Data(bytes).write(to: u)
        return u
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}
