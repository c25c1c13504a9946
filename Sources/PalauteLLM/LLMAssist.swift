import Foundation
import Logging
import PalauteClassify
import PalauteText

/// One response as the LLM step sees it: the redacted text only, never the original.
public struct LLMItem: Sendable {
    public var id: String
    /// The redacted text (`AnalyzedText.redaction.text`): the only text that may leave the machine.
    public var redactedText: String
    public var language: Language
    public var score: Int?
    /// The lexicon's result, kept wherever the LLM is not asked or not believed.
    public var classification: Classification

    public init(id: String, redactedText: String, language: Language, score: Int?, classification: Classification) {
        self.id = id
        self.redactedText = redactedText
        self.language = language
        self.score = score
        self.classification = classification
    }

    public init(id: String, analyzed: AnalyzedText, score: Int?, classification: Classification) {
        self.init(
            id: id, redactedText: analyzed.redaction.text, language: analyzed.language, score: score,
            classification: classification)
    }
}

/// What happened to one response.
public enum LLMItemOutcome: Sendable, Equatable {
    /// The policy did not select it (or the policy is off).
    case notSelected
    /// Answered from the cache, no request.
    case cached(LabelMerger.Outcome)
    /// Answered by the model and validated.
    case answered(LabelMerger.Outcome)
    /// The run's request or token cap was reached: lexicon labels kept.
    case skippedByBudget
    /// The model's answers broke the contract twice: lexicon labels kept.
    case invalid(String)
    /// The server could not be reached or kept failing: lexicon labels kept.
    case failed(String)
    /// Dry run: this request would have been sent.
    case wouldSend
    /// Dry run: an earlier response (this id) has the same redacted text; its request would answer both.
    case sameAsEarlier(String)
}

/// A request a dry run would send, for `--dry-run` output.
public struct DryRunRequest: Sendable {
    public var id: String
    public var cacheKey: String
    public var request: PreparedRequest
    public var estimatedTokens: Int
}

/// Counts of one run, for logs, the run record and the README's figures.
public struct LLMRunReport: Sendable, Codable, Equatable {
    public var policy: String = "off"
    public var model: String = ""
    public var promptVersion: String = ""
    public var total = 0
    public var selected = 0
    public var answered = 0
    public var cached = 0
    public var skippedByBudget = 0
    public var invalid = 0
    public var failed = 0
    public var wouldSend = 0
    /// Dry run: responses that would share an earlier identical comment's request.
    public var sharedRequests = 0
    /// Chat requests made (validation retries count; transport retries are in `httpAttempts`).
    public var requests = 0
    public var httpAttempts = 0
    public var promptTokens = 0
    public var completionTokens = 0
    public var estimatedTokens = 0
    public var agreed = 0
    public var replaced = 0
    public var keptLexicon = 0

    public var budgetReached: Bool { skippedByBudget > 0 }

    /// One paragraph for the console and the log.
    public var summary: String {
        var lines = [
            "LLM \(policy) (model \(model), prompt \(promptVersion)): \(selected)/\(total) selected, "
                + "\(answered) answered, \(cached) from cache, \(invalid) invalid, \(failed) failed; "
                + "\(requests) requests (\(httpAttempts) HTTP attempts), \(promptTokens)+\(completionTokens) tokens; "
                + "merge: \(agreed) agreed, \(replaced) replaced, \(keptLexicon) kept lexicon."
        ]
        if wouldSend > 0 {
            lines.append(
                "dry run: \(wouldSend) requests would be sent (\(sharedRequests) more responses share one), "
                    + "~\(estimatedTokens) tokens at most.")
        }
        if budgetReached {
            lines.append(
                "budget reached: \(skippedByBudget) selected responses kept their lexicon labels "
                    + "(caps: requests, tokens per run in the LLM config).")
        }
        return lines.joined(separator: "\n")
    }
}

/// The result of a run: classifications in the order of the items, with what happened to each.
public struct LLMRunResult: Sendable {
    public var classifications: [Classification]
    public var outcomes: [LLMItemOutcome]
    public var report: LLMRunReport
    /// Filled in dry-run mode only.
    public var dryRun: [DryRunRequest]
}

/// The LLM second opinion over a batch: selection by policy, cache, budget, bounded concurrency,
/// validation with one retry, merge with provenance. With policy `off` it returns the lexicon's results
/// without touching the client or the cache.
public struct LLMAssist: Sendable {
    public var policy: LLMPolicy
    public var config: LLMConfig
    public var prompt: PromptTemplate
    public var client: any ChatClient
    public var cache: any LLMAnswerCache
    public var logger: Logger

    public init(
        policy: LLMPolicy, config: LLMConfig, prompt: PromptTemplate, client: any ChatClient,
        cache: any LLMAnswerCache, logger: Logger = Logger(label: "palaute.llm")
    ) {
        self.policy = policy
        self.config = config
        self.prompt = prompt
        self.client = client
        self.cache = cache
        self.logger = logger
    }

    /// The request the model gets for one item.
    public func chatRequest(for item: LLMItem) -> ChatRequest {
        ChatRequest(
            system: prompt.systemMessage(),
            user: prompt.userMessage(redactedText: item.redactedText, language: item.language),
            schema: prompt.schema, maxTokens: config.maxTokensPerAnswer, temperature: config.temperature)
    }

    /// An upper-bound token estimate (UTF-8 bytes / 3 plus the answer cap), used to admit requests
    /// against the token budget before the provider bills them.
    public func estimatedTokens(for request: ChatRequest) -> Int {
        (request.system.utf8.count + request.user.utf8.count) / 3 + 16 + request.maxTokens
    }

    public func provenance(cacheKey: String) -> Provenance {
        Provenance(source: .llm, model: config.model, promptVersion: prompt.version, cacheKey: cacheKey)
    }

    /// Runs the batch. Throws only `CancellationError`: every other failure keeps the lexicon labels
    /// of the responses concerned and is counted in the report.
    /// - Parameter budget: shared across calls of one run; a fresh one from the config when `nil`.
    public func run(_ items: [LLMItem], budget: Budget? = nil, dryRun: Bool = false) async throws -> LLMRunResult {
        var report = LLMRunReport()
        report.policy = policy.rawValue
        report.model = config.model
        report.promptVersion = prompt.version
        report.total = items.count
        var classifications = items.map(\.classification)
        var outcomes = [LLMItemOutcome](repeating: .notSelected, count: items.count)
        guard policy != .off else {
            return LLMRunResult(classifications: classifications, outcomes: outcomes, report: report, dryRun: [])
        }
        let selected = items.indices.filter {
            LLMSelection.shouldSend(
                policy: policy, classification: items[$0].classification, redactedText: items[$0].redactedText,
                threshold: config.confidenceThreshold, mixedLanguageThreshold: config.mixedLanguageThreshold)
        }
        report.selected = selected.count
        let budget = budget ?? Budget(config: config)
        var dryRunRequests: [(Int, DryRunRequest)] = []

        // Identical redacted texts ("Kiitos!") share one request: the first stands for the rest.
        var leaders: [Int] = []
        var followers: [Int: [Int]] = [:]
        var leaderOfText: [String: Int] = [:]
        for index in selected {
            if let leader = leaderOfText[items[index].redactedText] {
                followers[leader, default: []].append(index)
            } else {
                leaderOfText[items[index].redactedText] = index
                leaders.append(index)
            }
        }

        func record(_ index: Int, _ result: ItemResult) {
            outcomes[index] = result.outcome
            if let c = result.classification { classifications[index] = c }
            if let d = result.dryRun { dryRunRequests.append((index, d)) }
            report.requests += result.requests
            report.httpAttempts += result.httpAttempts
            report.promptTokens += result.promptTokens
            report.completionTokens += result.completionTokens
            report.estimatedTokens += result.dryRun?.estimatedTokens ?? 0
            switch result.outcome {
            case .notSelected: break
            case .cached(let m):
                report.cached += 1
                report.count(m)
            case .answered(let m):
                report.answered += 1
                report.count(m)
            case .skippedByBudget: report.skippedByBudget += 1
            case .invalid: report.invalid += 1
            case .failed: report.failed += 1
            case .wouldSend: report.wouldSend += 1
            case .sameAsEarlier: report.sharedRequests += 1
            }
        }

        try await withThrowingTaskGroup(of: (Int, ItemResult).self) { group in
            var next = 0
            func launch() {
                let index = leaders[next]
                next += 1
                group.addTask { (index, try await process(items[index], budget: budget, dryRun: dryRun)) }
            }
            while next < leaders.count, next < config.maxConcurrency { launch() }
            while let (index, result) = try await group.next() {
                if next < leaders.count { launch() }
                record(index, result)
                for follower in followers[index] ?? [] {
                    record(follower, follow(result, item: items[follower], leader: items[index]))
                }
            }
        }
        dryRunRequests.sort { $0.0 < $1.0 }
        if report.budgetReached {
            logger.warning(
                "LLM budget reached: responses keep lexicon labels", metadata: ["skipped": "\(report.skippedByBudget)"])
        }
        return LLMRunResult(
            classifications: classifications, outcomes: outcomes, report: report, dryRun: dryRunRequests.map(\.1))
    }

    struct ItemResult: Sendable {
        var outcome: LLMItemOutcome
        var classification: Classification?
        var answer: LLMAnswer?
        var cacheKey: String?
        var dryRun: DryRunRequest?
        var requests = 0
        var httpAttempts = 0
        var promptTokens = 0
        var completionTokens = 0
    }

    /// A response whose redacted text equals an earlier one's takes that one's answer or fate, at no cost.
    func follow(_ leaderResult: ItemResult, item: LLMItem, leader: LLMItem) -> ItemResult {
        guard let answer = leaderResult.answer, let key = leaderResult.cacheKey else {
            switch leaderResult.outcome {
            case .wouldSend: return ItemResult(outcome: .sameAsEarlier(leader.id))
            default: return ItemResult(outcome: leaderResult.outcome)
            }
        }
        let (merged, how) = LabelMerger.merge(
            lexicon: item.classification, answer: answer, score: item.score, provenance: provenance(cacheKey: key))
        return ItemResult(outcome: .cached(how), classification: merged)
    }

    /// One response: cache, budget, request, validation with one retry, merge.
    func process(_ item: LLMItem, budget: Budget, dryRun: Bool) async throws -> ItemResult {
        let key = LLMCacheKey.key(model: config.model, promptVersion: prompt.version, redactedText: item.redactedText)
        let provenance = provenance(cacheKey: key)
        do {
            if let hit = try await cache.answer(forKey: key), case .success(let answer) = AnswerValidator.validate(hit.answerJSON) {
                let (merged, how) = LabelMerger.merge(
                    lexicon: item.classification, answer: answer, score: item.score, provenance: provenance)
                return ItemResult(outcome: .cached(how), classification: merged, answer: answer, cacheKey: key)
            }
        } catch {
            logger.warning("LLM cache read failed; asking the model", metadata: ["id": "\(item.id)", "error": "\(error)"])
        }
        let request = chatRequest(for: item)
        let estimate = estimatedTokens(for: request)
        if dryRun {
            guard await budget.reserve(estimatedTokens: estimate) else { return ItemResult(outcome: .skippedByBudget) }
            let prepared = try client.prepare(request)
            return ItemResult(
                outcome: .wouldSend,
                dryRun: DryRunRequest(id: item.id, cacheKey: key, request: prepared, estimatedTokens: estimate))
        }

        var result = ItemResult(outcome: .notSelected)
        var lastProblem = ""
        for attempt in 1...2 {
            guard await budget.reserve(estimatedTokens: estimate) else {
                result.outcome = attempt == 1 ? .skippedByBudget : .invalid(lastProblem + "; no budget left to retry")
                return result
            }
            result.requests += 1
            let response: ChatResponse
            do {
                response = try await client.complete(request)
            } catch let error as ChatError {
                await budget.settle(estimatedTokens: estimate, actualTokens: 0)
                if case .malformedResponse = error {
                    lastProblem = error.description
                    result.httpAttempts += 1
                    logger.notice("LLM answer rejected", metadata: ["id": "\(item.id)", "attempt": "\(attempt)", "problem": "\(error)"])
                    continue
                }
                logger.warning("LLM request failed; lexicon labels stand", metadata: ["id": "\(item.id)", "error": "\(error)"])
                result.outcome = .failed(error.description)
                return result
            } catch {
                await budget.settle(estimatedTokens: estimate, actualTokens: 0)
                throw error
            }
            let billed = response.totalTokens > 0
                ? response.totalTokens : estimate - config.maxTokensPerAnswer + response.content.utf8.count / 3
            await budget.settle(estimatedTokens: estimate, actualTokens: billed)
            result.httpAttempts += response.attempts
            result.promptTokens += response.promptTokens
            result.completionTokens += response.completionTokens
            switch AnswerValidator.validate(response.content) {
            case .success(let answer):
                let entry = CachedAnswer(
                    key: key, model: config.model, promptVersion: prompt.version,
                    textHash: LLMCacheKey.textHash(item.redactedText), answerJSON: answer.canonicalJSON,
                    promptTokens: response.promptTokens, completionTokens: response.completionTokens, createdAt: Date())
                do {
                    try await cache.store(entry)
                } catch {
                    logger.warning("LLM cache write failed", metadata: ["id": "\(item.id)", "error": "\(error)"])
                }
                let (merged, how) = LabelMerger.merge(
                    lexicon: item.classification, answer: answer, score: item.score, provenance: provenance)
                result.outcome = .answered(how)
                result.classification = merged
                result.answer = answer
                result.cacheKey = key
                return result
            case .failure(let problem):
                lastProblem = problem.description
                logger.notice(
                    "LLM answer rejected", metadata: ["id": "\(item.id)", "attempt": "\(attempt)", "problem": "\(problem)"])
            }
        }
        result.outcome = .invalid(lastProblem)
        return result
    }
}

extension LLMRunReport {
    mutating func count(_ outcome: LabelMerger.Outcome) {
        switch outcome {
        case .agreed: agreed += 1
        case .replaced: replaced += 1
        case .keptLexicon: keptLexicon += 1
        }
    }
}
