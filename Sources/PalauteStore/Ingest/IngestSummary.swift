import Foundation

/// What happened to one file of `palaute ingest`.
public struct IngestSummary: Sendable, Hashable {
    public enum Outcome: Sendable, Hashable {
        /// The file was read and its good rows landed in batch `batchID`.
        case ingested(batchID: Int64)
        /// A file with the same SHA-256 was ingested before for this source, in batch `batchID`; nothing was read.
        case alreadyIngested(batchID: Int64)
    }

    public var file: String
    public var source: String
    public var outcome: Outcome
    /// SHA-256 (hex) of the file's bytes.
    public var checksum: String
    /// `csv` or `jsonl`, and the detected encoding; empty when the file was skipped.
    public var format: String = ""
    public var encoding: String = ""
    public var rowsRead = 0
    public var inserted = 0
    public var updated = 0
    public var unchanged = 0
    public var rejected = 0
    public var seconds = 0.0

    public var batchID: Int64 {
        switch outcome {
        case .ingested(let id), .alreadyIngested(let id): id
        }
    }
}
