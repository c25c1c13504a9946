import Dispatch
import Foundation
import PalauteLLM

/// The LLM second opinion as the run's refinement step: sends the chunk's redacted comments that the policy
/// selects to `LLMAssist` and takes its merged classifications. One `Budget` spans the whole run, so the
/// configured request and token caps hold per night, not per chunk.
public final class LLMRefiner: ClassificationRefining, @unchecked Sendable {
    public let assist: LLMAssist
    let budget: Budget

    public init(assist: LLMAssist) {
        self.assist = assist
        budget = Budget(config: assist.config)
    }

    /// `model@prompt:policy`, stored as `result.model_version`: a new model, prompt or policy re-classifies.
    public var modelVersion: String { "\(assist.config.model)@\(assist.prompt.version):\(assist.policy.rawValue)" }
    public var mode: String { assist.policy.rawValue }

    public func refine(_ batch: [PendingResponse], _ results: inout [ClassifiedResponse]) throws -> RefinementStats {
        let items = zip(batch, results).map { p, r in
            LLMItem(id: String(p.id), redactedText: r.redactedText, language: r.classification.lang, score: p.score,
                    classification: r.classification)
        }
        let assist = self.assist
        let budget = self.budget
        let outcome = try Self.wait { try await assist.run(items, budget: budget) }
        for i in results.indices where i < outcome.classifications.count {
            results[i].classification = outcome.classifications[i]
        }
        let r = outcome.report
        return RefinementStats(requests: r.requests, cacheHits: r.cached, errors: r.invalid + r.failed)
    }

    /// Runs async work to completion from the run's (synchronous) thread.
    static func wait<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
        let box = ResultSlot<T>()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            do { box.set(.success(try await body())) } catch { box.set(.failure(error)) }
            done.signal()
        }
        done.wait()
        return try box.get()
    }
}

private final class ResultSlot<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Result<T, any Error>?
    func set(_ v: Result<T, any Error>) { lock.withLock { value = v } }
    func get() throws -> T { try lock.withLock { value! }.get() }
}
