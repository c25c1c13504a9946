import Foundation

/// Resolved word forms shared by the workers of one run, so that each distinct form costs one Voikko analysis in
/// all rather than one per worker. Only resolutions that do not depend on a worker's suggestion budget are shared:
/// a form resolved by a spelling suggestion, or left unknown because the budget was spent, stays in the worker's
/// own cache, so results are the same whatever the timing of the threads.
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
        guard resolution.source != .suggestion, !resolution.skippedForBudget else { return }
        lock.lock()
        table[key] = resolution
        lock.unlock()
    }
}
