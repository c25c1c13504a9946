/// Per-run caps on requests and tokens, so that switching the LLM on cannot cost more than agreed.
///
/// A request is admitted only if one more request fits and the tokens already used plus this request's
/// upper-bound estimate fit; when the answer comes, the estimate is replaced by the billed count.
/// Under concurrency the cap therefore holds even before answers arrive.
public actor Budget {
    public let maxRequests: Int
    public let maxTokens: Int
    public private(set) var requests = 0
    public private(set) var tokens = 0
    private var reserved = 0
    public private(set) var refused = 0

    public init(maxRequests: Int, maxTokens: Int) {
        self.maxRequests = maxRequests
        self.maxTokens = maxTokens
    }

    public init(config: LLMConfig) {
        self.init(maxRequests: config.maxRequestsPerRun, maxTokens: config.maxTokensPerRun)
    }

    /// Takes one request and `estimatedTokens` from the budget, or refuses.
    public func reserve(estimatedTokens: Int) -> Bool {
        guard requests < maxRequests, tokens + reserved + estimatedTokens <= maxTokens else {
            refused += 1
            return false
        }
        requests += 1
        reserved += estimatedTokens
        return true
    }

    /// Replaces a reservation by the tokens actually billed (zero when the request failed in transit).
    public func settle(estimatedTokens: Int, actualTokens: Int) {
        reserved -= estimatedTokens
        tokens += actualTokens
    }

    public var exhausted: Bool { requests >= maxRequests || tokens + reserved >= maxTokens }
}
