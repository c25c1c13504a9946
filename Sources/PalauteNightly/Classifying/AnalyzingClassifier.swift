import Dispatch
import Foundation
import PalauteClassify
import PalauteText

/// Runs the lexicon classifier on several cores: the adapter from `Classifier` to the nightly run's
/// `ResponseClassifying`.
///
/// Each worker is a `ClassifierWorker` kept for the whole run (its own `TextAnalyzer`, since Voikko handles are
/// not thread-safe), so its caches and its memory of repeated comments stay warm from one chunk to the next. The
/// workers share word-form resolutions. A response goes to a worker by a stable hash of its text, so repeats of a
/// comment meet in one worker and results do not depend on thread timing. The redacted text comes from the same
/// analysis.
public final class AnalyzingClassifier: ResponseClassifying, @unchecked Sendable {
    public let lexiconVersion: String
    public let workers: Int
    private let classifier: Classifier
    private let makeAnalyzer: @Sendable () throws -> TextAnalyzer
    private let shared = SharedResolutions()
    // Slot w is only touched by worker w of one `classify` call at a time (calls are not concurrent: the lock).
    private var pool: [ClassifierWorker?]
    private let callLock = NSLock()

    /// - Parameters:
    ///   - lexicons: the folder with `colloquial.tsv` for the analyzers (nil: found by `ResourceLocator`).
    ///   - workers: threads; default the active processor count.
    public init(classifier: Classifier, lexicons: URL? = nil, workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.classifier = classifier
        self.lexiconVersion = classifier.lexiconVersion
        self.workers = max(1, workers)
        if let lexicons {
            makeAnalyzer = { try TextAnalyzer(lexicons: lexicons) }
        } else {
            makeAnalyzer = { try TextAnalyzer() }
        }
        pool = Array(repeating: nil, count: max(1, workers))
    }

    public func classify(_ batch: [PendingResponse]) throws -> [ClassifiedResponse] {
        callLock.lock()
        defer { callLock.unlock() }
        guard !batch.isEmpty else { return [] }
        let shares = ClassifierWorker.shares(of: batch.lazy.map(\.text), workers: workers)
        // Build missing workers up front, on this thread, so a failure is reported once.
        for w in shares.indices where pool[w] == nil {
            let analyzer = try makeAnalyzer()
            if workers > 1 { analyzer.normalizer.shared = shared }
            pool[w] = ClassifierWorker(classifier: classifier, analyzer: analyzer)
        }
        let box = ResultBox<[ClassifiedResponse]>(count: shares.count, empty: [])
        let handoff = WorkerPool(pool)
        DispatchQueue.concurrentPerform(iterations: shares.count) { w in
            let worker = handoff.workers[w]!
            var out: [ClassifiedResponse] = []
            out.reserveCapacity(shares[w].count)
            for k in shares[w] {
                let item = batch[k]
                let (c, redacted) = worker.classify(item.text, score: item.score)
                out.append(ClassifiedResponse(classification: c, redactedText: redacted))
            }
            box.set(w, .success(out))
        }
        // Back into input order.
        var all = [ClassifiedResponse?](repeating: nil, count: batch.count)
        for (w, part) in try box.values().enumerated() {
            for (k, r) in zip(shares[w], part) { all[k] = r }
        }
        return all.map { $0! }
    }
}

/// Hands each worker its own `ClassifierWorker` across the concurrentPerform boundary.
private final class WorkerPool: @unchecked Sendable {
    let workers: [ClassifierWorker?]
    init(_ workers: [ClassifierWorker?]) { self.workers = workers }
}
