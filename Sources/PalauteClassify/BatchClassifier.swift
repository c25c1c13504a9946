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

/// Classifies many responses on all cores, keeping input order. Each worker is a `ClassifierWorker` with its
/// own `TextAnalyzer`; the workers share word-form resolutions (`SharedResolutions`), so the vocabulary costs
/// one Voikko pass in all. Responses go to workers by a stable hash of their text, so that repeats of a comment
/// are read once and each worker's share (and where its suggestion budget goes) depends on the input and the
/// worker count only, never on thread timing.
public enum BatchClassifier {
    public static func classify(_ inputs: [BatchInput], with classifier: Classifier,
                                workers: Int = ProcessInfo.processInfo.activeProcessorCount) throws -> [Classification] {
        let n = inputs.count
        guard n > 0 else { return [] }
        let shares = ClassifierWorker.shares(of: inputs.lazy.map(\.text), workers: max(1, min(workers, n)))
        let slots = Slots(count: n)
        let failure = Slots(count: 1)
        let shared = SharedResolutions()
        DispatchQueue.concurrentPerform(iterations: shares.count) { w in
            let analyzer: TextAnalyzer
            do { analyzer = try TextAnalyzer() } catch {
                failure.error = error
                return
            }
            if shares.count > 1 { analyzer.normalizer.shared = shared }
            let worker = ClassifierWorker(classifier: classifier, analyzer: analyzer)
            for i in shares[w] {
                let input = inputs[i]
                slots.set(i, worker.classify(input.text, score: input.score, language: input.language).classification)
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
