import Dispatch
import Foundation

/// Runs text analysis on several cores. `TextAnalyzer` (and its Voikko handle) is not thread-safe, so each worker
/// builds its own inside its thread and keeps it for its whole share of the texts; only `Sendable` values cross
/// between threads.
public enum ParallelAnalysis {
    /// Applies `transform` to the analysis of every text, in order, using `workers` threads.
    ///
    /// Texts are split into contiguous shares, one per worker; `makeAnalyzer` is called once per worker. With more
    /// than one worker the analyzers share deterministic word-form resolutions (`SharedResolutions`), so the
    /// vocabulary is analysed once, not once per worker.
    public static func map<Result: Sendable>(
        _ texts: [String], workers: Int,
        makeAnalyzer: @escaping @Sendable () throws -> TextAnalyzer,
        transform: @escaping @Sendable (AnalyzedText) -> Result
    ) throws -> [Result] {
        let shares = split(texts.count, into: workers)
        let results = ResultBox<[Result]>(count: shares.count, empty: [])
        let shared = SharedResolutions()
        DispatchQueue.concurrentPerform(iterations: shares.count) { w in
            do {
                let analyzer = try makeAnalyzer()
                if shares.count > 1 { analyzer.normalizer.shared = shared }
                var out: [Result] = []
                out.reserveCapacity(shares[w].count)
                for k in shares[w] { out.append(transform(analyzer.analyze(texts[k]))) }
                results.set(w, .success(out))
            } catch {
                results.set(w, .failure(error))
            }
        }
        var all: [Result] = []
        all.reserveCapacity(texts.count)
        for r in try results.values() { all += r }
        return all
    }

    /// `count` items in `workers` contiguous ranges of nearly equal size.
    public static func split(_ count: Int, into workers: Int) -> [Range<Int>] {
        let w = max(1, min(workers, max(count, 1)))
        return (0..<w).map { k in (count * k / w)..<(count * (k + 1) / w) }
    }
}

/// One slot per worker, written once by that worker; the lock makes the hand-over to the caller's thread safe.
public final class ResultBox<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Swift.Result<Value, any Error>]

    public init(count: Int, empty: Value) {
        slots = Array(repeating: .success(empty), count: count)
    }

    public func set(_ index: Int, _ value: Swift.Result<Value, any Error>) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    /// The slot values in order; rethrows the first worker's error.
    public func values() throws -> [Value] {
        lock.lock()
        defer { lock.unlock() }
        return try slots.map { try $0.get() }
    }
}
