import Foundation

/// `map` over `0..<count` on all cores, in order: for the per-line work of reading and writing response files
/// (JSON parsing and formatting cost as much as classifying when done on one thread).
enum ParallelMap {
    static func map<T>(_ count: Int, workers: Int = ProcessInfo.processInfo.activeProcessorCount,
                       _ body: (Int) throws -> T) rethrows -> [T] {
        guard count > 0 else { return [] }
        let parts = max(1, min(workers * 4, count / 256))
        if parts == 1 { return try (0..<count).map(body) }
        let out = Buffer<T>(count: count)
        let firstError = Buffer<Error>(count: 1)
        try withoutActuallyEscaping(body) { body in
            let call = UncheckedBox(body)
            DispatchQueue.concurrentPerform(iterations: parts) { p in
                let range = (count * p / parts)..<(count * (p + 1) / parts)
                do {
                    for i in range { out.set(i, try call.value(i)) }
                } catch {
                    firstError.setFirst(error)
                }
            }
            if let e = firstError.value(0) { throw e }
        }
        return out.values()
    }

    /// Slots written by index from several threads, each index by one thread.
    private final class Buffer<T>: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [T?]

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        func set(_ i: Int, _ v: T) {
            lock.lock()
            slots[i] = v
            lock.unlock()
        }

        func setFirst(_ v: T) {
            lock.lock()
            if slots[0] == nil { slots[0] = v }
            lock.unlock()
        }

        func value(_ i: Int) -> T? {
            lock.lock()
            defer { lock.unlock() }
            return slots[i]
        }

        func values() -> [T] { slots.map { $0! } }
    }

    private struct UncheckedBox<V>: @unchecked Sendable {
        let value: V
        init(_ value: V) { self.value = value }
    }
}
