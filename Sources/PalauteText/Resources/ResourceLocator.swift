import Foundation

/// Why the `lexicons/` or `models/` folder could not be found.
public struct ResourceNotFound: Error, CustomStringConvertible {
    public var folder: String
    public var searched: [String]
    public var description: String {
        "could not find the \(folder)/ folder; looked in: \(searched.joined(separator: ", ")). "
            + "Pass --lexicons/--models, or set PALAUTE_HOME to the folder that holds \(folder)/."
    }
}

/// Finds the data folders (`lexicons/`, `models/`) the same way from `swift run`, tests and an installed binary.
///
/// Order: an explicit path; `$PALAUTE_HOME/<folder>`; `./<folder>` in the working directory;
/// `<prefix>/share/palaute/<folder>` beside an installed `<prefix>/bin/palaute`; and finally the folders
/// above the executable (a checkout's `.build/<config>/palaute`).
public enum ResourceLocator {
    public static func locate(_ folder: String, explicit: String? = nil) throws -> URL {
        let fm = FileManager.default
        var candidates: [URL] = []
        if let explicit {
            candidates.append(URL(fileURLWithPath: explicit))
        } else {
            if let home = ProcessInfo.processInfo.environment["PALAUTE_HOME"], !home.isEmpty {
                candidates.append(URL(fileURLWithPath: home).appendingPathComponent(folder))
            }
            candidates.append(URL(fileURLWithPath: fm.currentDirectoryPath).appendingPathComponent(folder))
            let exe = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
            var dir = exe.deletingLastPathComponent()
            candidates.append(dir.deletingLastPathComponent().appendingPathComponent("share/palaute/\(folder)"))
            for _ in 0..<6 {
                candidates.append(dir.appendingPathComponent(folder))
                dir = dir.deletingLastPathComponent()
            }
            // Tests: this source file's checkout.
            var src = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            for _ in 0..<3 { src = src.deletingLastPathComponent() }
            candidates.append(src.appendingPathComponent(folder))
        }
        for c in candidates {
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: c.path, isDirectory: &isDir), isDir.boolValue {
                return c.standardizedFileURL
            }
        }
        throw ResourceNotFound(folder: folder, searched: candidates.map(\.path))
    }
}
