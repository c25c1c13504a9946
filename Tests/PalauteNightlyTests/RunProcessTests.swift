import Foundation
import GRDB
import PalauteNightly
import PalauteStore
import Testing

/// Runs the real `palaute` binary (built by `swift build`/`swift test` with every product) as a subprocess.
@Suite(.serialized) struct RunProcessTests {
    static func binary() throws -> URL {
        var dirs = [Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { root.deleteLastPathComponent() }
        dirs.append(root.appendingPathComponent(".build/debug"))
        for d in dirs {
            for c in [d, d.deletingLastPathComponent()] {
                let exe = c.appendingPathComponent("palaute")
                if FileManager.default.isExecutableFile(atPath: exe.path) { return exe }
            }
        }
        throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "palaute binary near \(dirs)"])
    }

    /// A running `palaute run` whose stderr is collected as it arrives.
    final class RunningProcess: @unchecked Sendable {
        let process = Process()
        private let lock = NSLock()
        private var collected = Data()

        init(_ arguments: [String], in dir: URL, pause: Double? = nil) throws {
            process.executableURL = try RunProcessTests.binary()
            process.arguments = arguments
            process.currentDirectoryURL = dir
            var env = ProcessInfo.processInfo.environment
            env["PALAUTE_TEST_PAUSE_AFTER_CHUNK"] = pause.map { String($0) }
            process.environment = env
            let err = Pipe()
            process.standardError = err
            process.standardOutput = FileHandle.nullDevice
            err.fileHandleForReading.readabilityHandler = { [weak self] h in
                let d = h.availableData
                guard let self else { return }
                self.lock.withLock { self.collected.append(d) }
            }
            try process.run()
        }

        var stderr: String { lock.withLock { String(decoding: collected, as: UTF8.self) } }

        /// Waits until stderr contains `marker` (or the process ends, or the timeout passes).
        func waitFor(_ marker: String, timeout: Double = 300) -> Bool {
            let deadline = Date(timeIntervalSinceNow: timeout)
            while Date() < deadline {
                if stderr.contains(marker) { return true }
                if !process.isRunning { return stderr.contains(marker) }
                Thread.sleep(forTimeInterval: 0.05)
            }
            return false
        }

        func finish() -> Int32 {
            process.waitUntilExit()
            return process.terminationStatus
        }
    }

    func export(_ dir: TemporaryDirectory) throws -> URL {
        try dir.write("kysely_2026-04.csv", makeExport(count: 84))
    }

    func args(_ file: URL, _ db: String) -> [String] {
        ["run", file.path, "--database", db, "--out", "out", "--chunk-size", "12", "--workers", "2"]
    }

    @Test func killedRunResumesToTheStateOfAnUninterruptedRun() throws {
        let reference = try TemporaryDirectory()
        let refDB = reference.path("palaute.sqlite")
        let whole = try RunningProcess(args(try export(reference), refDB), in: reference.url)
        #expect(whole.finish() == 0, "\(whole.stderr)")
        let expected = try StoreSnapshot.take(try PalauteDatabase(path: refDB))
        #expect(expected.results.count == 84)
        #expect(!expected.cases.isEmpty)

        let dir = try TemporaryDirectory()
        let db = dir.path("palaute.sqlite")
        let file = try export(dir)
        let killed = try RunningProcess(args(file, db), in: dir.url, pause: 120)
        #expect(killed.waitFor("event=test.paused"), "\(killed.stderr)")
        kill(killed.process.processIdentifier, SIGKILL)
        killed.process.waitUntilExit()
        #expect(killed.process.terminationReason == .uncaughtSignal)
        let store = try PalauteDatabase(path: db)
        let partial = try StoreSnapshot.take(store)
        #expect(partial.results.count == 12)
        #expect(partial.pending == 72)

        let resumed = try RunningProcess(args(file, db), in: dir.url)
        #expect(resumed.finish() == 0, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("event=run.interrupted_found"))
        #expect(resumed.stderr.contains("classified=72"))
        #expect(try StoreSnapshot.take(store) == expected)
        let runs = try store.pool.read { db in try NightlyRunRecord.order(NightlyRunRecord.Columns.id).fetchAll(db) }
        #expect(runs.map(\.status) == [.failed, .succeeded])
        #expect(runs.first?.message?.hasPrefix("interrupted") == true)
    }

    @Test func secondRunExitsAtOnceWithTheLockCode() throws {
        let dir = try TemporaryDirectory()
        let db = dir.path("palaute.sqlite")
        let file = try export(dir)
        let first = try RunningProcess(args(file, db), in: dir.url, pause: 120)
        defer { if first.process.isRunning { kill(first.process.processIdentifier, SIGKILL) } }
        #expect(first.waitFor("event=test.paused"), "\(first.stderr)")
        let started = Date()
        let second = try RunningProcess(args(file, db), in: dir.url)
        #expect(second.finish() == NightlyExitCode.locked)
        #expect(Date().timeIntervalSince(started) < 30)
        #expect(second.stderr.contains("another palaute run is in progress (pid \(first.process.processIdentifier))"))
        let runs = try PalauteDatabase(path: db).pool.read { db in try NightlyRunRecord.fetchCount(db) }
        #expect(runs == 1)
    }
}
