import Foundation
import PalauteIngest

/// Reads, validates and hashes an export's rows on a thread of its own, a few batches ahead of the inserts.
///
/// Parsing and SHA-256 of each row cost about as much CPU as SQLite's inserts (docs/bench-store2.md), so on two
/// cores ingest runs at the speed of the slower half instead of their sum. At most `capacity` batches wait, so
/// memory stays flat whatever the file size. Rows come out in file order; a read error comes after the rows
/// before it, as with reading in place.
final class ReadAhead: @unchecked Sendable {
    /// A row as the inserts need it: a record with its content hash, or a rejection.
    enum Item {
        case record(SurveyRecord, hash: String)
        case rejected(RejectedRow)
    }

    private let condition = NSCondition()
    private var queue: [[Item]] = []
    private var finished = false
    private var cancelled = false
    private var failure: ExportError?
    private let capacity: Int
    private let producerDone = DispatchSemaphore(value: 0)
    private var joined = false

    /// Starts reading `reader` at once; the caller must not touch `reader` afterwards.
    init(_ reader: ExportReader, batchSize: Int = 256, capacity: Int = 8) {
        self.capacity = max(1, capacity)
        let box = ReaderBox(reader: reader)
        let size = max(1, batchSize)
        Thread.detachNewThread { [self] in
            produce(box.reader, batchSize: size)
            producerDone.signal()
        }
    }

    private func produce(_ reader: ExportReader, batchSize: Int) {
        var batch: [Item] = []
        batch.reserveCapacity(batchSize)
        do {
            while let row = try reader.next() {
                switch row {
                case .record(let r): batch.append(.record(r, hash: r.contentHash))
                case .rejected(let r): batch.append(.rejected(r))
                }
                if batch.count == batchSize {
                    guard put(batch) else { return }
                    batch = []
                    batch.reserveCapacity(batchSize)
                }
            }
            if !batch.isEmpty { guard put(batch) else { return } }
        } catch {
            condition.lock()
            failure = error
            condition.unlock()
        }
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// Hands a batch over, waiting while `capacity` batches are waiting; false once the consumer gave up.
    private func put(_ batch: [Item]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= capacity && !cancelled { condition.wait() }
        if cancelled { return false }
        queue.append(batch)
        condition.broadcast()
        return true
    }

    /// The next batch in file order; nil at the end of the file; throws what the reader threw.
    func next() throws(ExportError) -> [Item]? {
        condition.lock()
        while queue.isEmpty && !finished { condition.wait() }
        if !queue.isEmpty {
            let batch = queue.removeFirst()
            condition.broadcast()
            condition.unlock()
            return batch
        }
        let failure = self.failure
        condition.unlock()
        if let failure { throw failure }
        return nil
    }

    /// Stops the reading thread (if still reading) and waits for it to end. Call once, when done or on error.
    func finish() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
        if !joined {
            producerDone.wait()
            joined = true
        }
    }
}

/// Moves the reader to the reading thread: only that thread uses it from then on.
private struct ReaderBox: @unchecked Sendable {
    let reader: ExportReader
}
