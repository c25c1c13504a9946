import Dispatch
import Foundation
import PalauteText

/// `palaute analyze --bench FILE.jsonl --workers N`: analysis speed alone (no classification, no database).
///
/// Each worker builds its own `TextAnalyzer`, analyses its share once with empty caches (cold) and once more
/// with the caches it built (warm). Texts are read before the clock starts.
struct TextBenchmark {
    var file: String
    var workers: Int
    var lexicons: URL?
    var suggestions: Int
    /// Passes over the file: the first is cold, the rest warm (the report shows the second).
    var passes = 2
    /// Workers keep separate caches only (each analyses the whole vocabulary).
    var noSharedCache = false

    struct PassFigures: Sendable {
        var tokens = 0
        var seconds = 0.0
        /// CPU time of the worker thread: unlike wall time, not inflated when other processes share the cores.
        var cpuSeconds = 0.0
    }

    static func threadCPUTime() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    func run() throws {
        let texts = try Self.readTexts(file)
        let shares = ParallelAnalysis.split(texts.count, into: workers)
        let lexicons = self.lexicons
        let suggestions = self.suggestions
        let passes = self.passes
        let shareCache = shares.count > 1 && !noSharedCache
        let sharedResolutions = SharedResolutions()
        let sources = ResultBox<[String: Int]>(count: shares.count, empty: [:])
        let box = ResultBox<[PassFigures]>(count: shares.count, empty: [])
        let start = DispatchTime.now().uptimeNanoseconds
        let setup = ResultBox<Double>(count: shares.count, empty: 0)
        DispatchQueue.concurrentPerform(iterations: shares.count) { w in
            do {
                let t0 = DispatchTime.now().uptimeNanoseconds
                let analyzer = try TextAnalyzer(lexicons: lexicons, suggestionBudget: suggestions)
                if shareCache { analyzer.normalizer.shared = sharedResolutions }
                setup.set(w, .success(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9))
                var figuresByPass: [PassFigures] = []
                for _ in 0..<max(2, passes) {
                    var figures = PassFigures()
                    let p0 = DispatchTime.now().uptimeNanoseconds
                    let c0 = Self.threadCPUTime()
                    for k in shares[w] { figures.tokens += analyzer.analyze(texts[k]).tokens.count }
                    figures.seconds = Double(DispatchTime.now().uptimeNanoseconds - p0) / 1e9
                    figures.cpuSeconds = Self.threadCPUTime() - c0
                    figuresByPass.append(figures)
                }
                box.set(w, .success(figuresByPass))
                var bySource: [String: Int] = [:]
                for (k, v) in analyzer.normalizer.formsBySource { bySource[k.rawValue] = v }
                sources.set(w, .success(bySource))
            } catch {
                box.set(w, .failure(error))
            }
        }
        let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let perWorker = try box.values()
        let setupSeconds = try setup.values().max() ?? 0
        print("file: \(file)  responses: \(texts.count)  workers: \(shares.count)"
            + (shares.count > 1 ? "  shared form cache: \(shareCache ? "yes" : "no")" : ""))
        print(String(format: "setup (Voikko + lexicons, per worker): %.3f s", setupSeconds))
        for (pass, name) in ["cold", "warm"].enumerated() {
            // Workers run side by side: the pass takes as long as its slowest worker.
            let seconds = perWorker.map { $0[pass].seconds }.max() ?? 0
            let tokens = perWorker.reduce(0) { $0 + $1[pass].tokens }
            print(String(
                format: "%@ cache: %.3f s  %.0f responses/s  %.0f tokens/s", name, seconds,
                Double(texts.count) / seconds, Double(tokens) / seconds))
            // CPU view: responses per CPU-second of one worker (summed CPU over workers).
            let cpu = perWorker.reduce(0.0) { $0 + $1[pass].cpuSeconds }
            print(String(
                format: "%@ cache CPU: %.3f s  %.0f responses per CPU-second  %.0f tokens per CPU-second", name, cpu,
                Double(texts.count) / cpu, Double(tokens) / cpu))
        }
        print(String(format: "wall (both passes): %.3f s", wall))
        var totals: [String: Int] = [:]
        for d in try sources.values() { for (k, v) in d { totals[k, default: 0] += v } }
        print("distinct word forms by how they were recognised (summed over workers): "
            + totals.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
    }

    static func readTexts(_ path: String) throws -> [String] {
        try readRecords(path).map(\.text)
    }

    /// (id, text) of every line of a JSONL survey export.
    static func readRecords(_ path: String) throws -> [(id: String, text: String)] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        var records: [(id: String, text: String)] = []
        for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any]
            records.append((object?["id"] as? String ?? "", object?["text"] as? String ?? ""))
        }
        return records
    }
}
