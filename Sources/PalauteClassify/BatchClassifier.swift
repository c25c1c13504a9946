import Foundation
import PalauteText

/// One response to classify in a batch.
public struct BatchInput: Sendable {
    public var text: String
    public var score: Int?
    /// Forces a language (debugging: `evaluate --use-gold-lang`).
    public var language: Language?

    public init(text: String, score: Int?, language: Language? = nil) {
        self.text = text
        self.score = score
        self.language = language
    }
}

/// Classifies many responses on all cores, keeping input order. Each worker owns its own `TextAnalyzer`; the
/// workers share word-form resolutions (`SharedResolutions`), so the vocabulary costs one Voikko pass in all.
/// Worker `w` takes responses `w`, `w + workers`, …: which responses a worker reads decides where its
/// suggestion budget goes, so results depend on the worker count only, never on thread timing.
public enum BatchClassifier {
    public static func classify(_ inputs: [BatchInput], with classifier: Classifier,
                                workers: Int = ProcessInfo.processInfo.activeProcessorCount) throws -> [Classification] {
        let n = inputs.count
        guard n > 0 else { return [] }
        let workers = max(1, min(workers, n))
        let slots = Slots(count: n)
        let failure = Slots(count: 1)
        let shared = SharedResolutions()
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            let analyzer: TextAnalyzer
            do { analyzer = try TextAnalyzer() } catch {
                failure.error = error
                return
            }
            if workers > 1 { analyzer.normalizer.shared = shared }
            let cache = LookupCache()
            var i = w
            while i < n {
                let input = inputs[i]
                let analyzed = analyzer.analyze(input.text)
                slots.set(i, classifier.classify(analyzed, score: input.score, language: input.language, cache: cache))
                i += workers
            }
        }
        if let e = failure.error { throw e }
        return slots.values()
    }
}

/// Result slots written by index from several threads; each index is written by exactly one worker.
private final class Slots: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<Classification?>
    var error: Error?

    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }

    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }

    func set(_ i: Int, _ c: Classification) { buffer[i] = c }
    func values() -> [Classification] { buffer.map { $0! } }
}
