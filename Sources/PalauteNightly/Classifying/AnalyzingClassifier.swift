import Dispatch
import Foundation
import PalauteClassify
import PalauteText

/// Runs text analysis and a classification function on several cores: the adapter from the lexicon classifier
/// (which reads an `AnalyzedText`) to the nightly run's `ResponseClassifying`.
///
/// Each worker keeps its own `TextAnalyzer` (Voikko handles are not thread-safe) for the whole run, so the
/// analyzers' caches stay warm from one chunk to the next. The redacted text comes from the same analysis.
///
/// Wiring the lexicon classifier: `AnalyzingClassifier(lexiconVersion: c.lexiconVersion) { c.classify($0, score: $1) }`.
public final class AnalyzingClassifier: ResponseClassifying, @unchecked Sendable {
    public let lexiconVersion: String
    public let workers: Int
    private let classifyAnalyzed: @Sendable (AnalyzedText, Int?) -> Classification
    private let makeAnalyzer: @Sendable () throws -> TextAnalyzer
    // Slot w is only touched by worker w of one `classify` call at a time (calls are not concurrent: the lock).
    private var analyzers: [TextAnalyzer?]
    private let callLock = NSLock()

    /// - Parameters:
    ///   - lexicons: the folder with `colloquial.tsv` for the analyzers (nil: found by `ResourceLocator`).
    ///   - workers: threads; default the active processor count.
    public init(
        lexiconVersion: String, lexicons: URL? = nil,
        workers: Int = ProcessInfo.processInfo.activeProcessorCount,
        classify: @escaping @Sendable (AnalyzedText, Int?) -> Classification
    ) {
        self.lexiconVersion = lexiconVersion
        self.workers = max(1, workers)
        self.classifyAnalyzed = classify
        if let lexicons {
            makeAnalyzer = { try TextAnalyzer(lexicons: lexicons) }
        } else {
            makeAnalyzer = { try TextAnalyzer() }
        }
        analyzers = Array(repeating: nil, count: max(1, workers))
    }

    public func classify(_ batch: [PendingResponse]) throws -> [ClassifiedResponse] {
        callLock.lock()
        defer { callLock.unlock() }
        let n = batch.count
        guard n > 0 else { return [] }
        let shares = ParallelAnalysis.split(n, into: workers)
        // Build missing analyzers up front, on this thread, so a failure is reported once.
        for w in shares.indices where analyzers[w] == nil { analyzers[w] = try makeAnalyzer() }
        let box = ResultBox<[ClassifiedResponse]>(count: shares.count, empty: [])
        let classify = classifyAnalyzed
        let pool = AnalyzerPool(analyzers)
        DispatchQueue.concurrentPerform(iterations: shares.count) { w in
            let analyzer = pool.analyzers[w]!
            var out: [ClassifiedResponse] = []
            out.reserveCapacity(shares[w].count)
            for k in shares[w] {
                let item = batch[k]
                let analyzed = analyzer.analyze(item.text)
                out.append(ClassifiedResponse(classification: classify(analyzed, item.score),
                                              redactedText: analyzed.redaction.text))
            }
            box.set(w, .success(out))
        }
        var all: [ClassifiedResponse] = []
        all.reserveCapacity(n)
        for part in try box.values() { all += part }
        return all
    }
}

/// Hands each worker its own analyzer across the concurrentPerform boundary.
private final class AnalyzerPool: @unchecked Sendable {
    let analyzers: [TextAnalyzer?]
    init(_ analyzers: [TextAnalyzer?]) { self.analyzers = analyzers }
}
