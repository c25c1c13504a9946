import Foundation

/// Resolved word forms shared by the workers of one run, so that each distinct form costs one Voikko analysis in
/// all rather than one per worker. Only resolutions that never reached the spelling-suggestion step are shared:
/// a form resolved by a suggestion, or left unknown where a suggestion was (or would have been) asked for, is
/// resolved by each worker itself, so each worker spends its suggestion budget on exactly the forms it would
/// spend it on alone, and results are the same whatever the timing of the threads (and the same as unshared).
///
/// Each worker still reads its own cache first; this table is touched only on a worker's cache miss, under a lock.
public final class SharedResolutions: @unchecked Sendable {
    private let lock = NSLock()
    private var table: [ByteKey: Normalizer.Resolution] = [:]

    public init() {}

    /// Number of shared forms.
    public var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return table.count
    }

    func get(_ key: ByteKey) -> Normalizer.Resolution? {
        lock.lock()
        defer { lock.unlock() }
        return table[key]
    }

    func put(_ key: ByteKey, _ resolution: Normalizer.Resolution) {
        guard resolution.source != .suggestion, !resolution.skippedForBudget,
              !(resolution.source == .unknown && Normalizer.wantsSuggestion(resolution.normalized)) else { return }
        lock.lock()
        table[key] = resolution
        lock.unlock()
    }
}
