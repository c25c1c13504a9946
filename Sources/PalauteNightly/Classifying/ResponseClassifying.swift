import PalauteClassify

/// A response the nightly run must classify: it has no result for the current versions, or it changed.
public struct PendingResponse: Sendable, Hashable {
    public var id: Int64
    public var text: String
    public var score: Int?
    /// The response hash being classified; the result is stored against it.
    public var contentHash: String
    public var unit: String?

    public init(id: Int64, text: String, score: Int?, contentHash: String, unit: String? = nil) {
        self.id = id
        self.text = text
        self.score = score
        self.contentHash = contentHash
        self.unit = unit
    }
}

/// What the classifier says of one response, with the redacted comment that reports and the queue may show.
public struct ClassifiedResponse: Sendable, Hashable {
    public var classification: Classification
    public var redactedText: String

    public init(classification: Classification, redactedText: String) {
        self.classification = classification
        self.redactedText = redactedText
    }
}

/// The nightly run's view of the classifier, so the run can be tested with a double and wired to the lexicon
/// classifier (`AnalyzingClassifier`) without knowing how it works.
public protocol ResponseClassifying: Sendable {
    /// Recorded with every result; a change makes the run classify everything again.
    var lexiconVersion: String { get }
    /// Classifies a chunk, returning one answer per input in the same order.
    func classify(_ batch: [PendingResponse]) throws -> [ClassifiedResponse]
}

/// The optional step after the lexicon (the LLM second opinion): may change labels of some responses.
///
/// `modelVersion` is stored with the results (`result.model_version`), so turning the step on, off or to another
/// model makes the run classify again and keeps the earlier results as history.
public protocol ClassificationRefining: Sendable {
    /// e.g. `gpt-4o-mini@prompt-3`; the run uses `none` when there is no step.
    var modelVersion: String { get }
    /// `off`, `uncertain` or `all`, for the classification run record.
    var mode: String { get }
    /// Revises `results` (same order as `batch`) in place; returns how many requests and cache hits it made.
    func refine(_ batch: [PendingResponse], _ results: inout [ClassifiedResponse]) throws -> RefinementStats
}

/// Counts a refinement step reports for the classification run record.
public struct RefinementStats: Sendable, Hashable {
    public var requests: Int
    public var cacheHits: Int
    public var errors: Int

    public init(requests: Int = 0, cacheHits: Int = 0, errors: Int = 0) {
        self.requests = requests
        self.cacheHits = cacheHits
        self.errors = errors
    }

    public static func += (lhs: inout RefinementStats, rhs: RefinementStats) {
        lhs.requests += rhs.requests
        lhs.cacheHits += rhs.cacheHits
        lhs.errors += rhs.errors
    }
}
