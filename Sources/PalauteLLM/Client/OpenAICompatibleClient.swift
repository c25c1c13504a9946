import Foundation
import Logging

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// An OpenAI-compatible chat-completions client over URLSession (libcurl on Linux), speaking the
/// configured dialect, with timeouts, bounded retries and backoff that honours `Retry-After`.
public struct OpenAICompatibleClient: ChatClient {
    public let config: LLMConfig
    private let session: URLSession
    private let environment: @Sendable () -> [String: String]
    private let logger: Logger

    /// - Parameter environment: where the API key is looked up at request time (the process environment
    ///   by default; tests pass their own).
    public init(
        config: LLMConfig,
        environment: @escaping @Sendable () -> [String: String] = { ProcessInfo.processInfo.environment },
        logger: Logger = Logger(label: "palaute.llm")
    ) {
        self.config = config
        self.environment = environment
        self.logger = logger
        let configuration = URLSessionConfiguration.ephemeral
        // swift-corelibs-foundation hands libcurl whole seconds (0.4 s becomes an instant timeout), so
        // URLSession's own limits sit above ours and `send` enforces the configured deadline exactly.
        configuration.timeoutIntervalForRequest = Self.transportTimeout(config.timeoutSeconds)
        configuration.timeoutIntervalForResource = Self.transportTimeout(config.timeoutSeconds)
        configuration.httpMaximumConnectionsPerHost = max(1, config.maxConcurrency)
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        session = URLSession(configuration: configuration)
    }

    static func transportTimeout(_ seconds: Double) -> Double { seconds.rounded(.up) + 1 }

    // MARK: Request shape

    /// The chat-completions URL for the dialect.
    public var url: URL {
        switch config.dialect {
        case .azure:
            var components = URLComponents(url: config.endpoint, resolvingAgainstBaseURL: false)!
            let base = components.path.hasSuffix("/") ? String(components.path.dropLast()) : components.path
            let deployment = config.azureDeployment ?? ""
            components.path = base + "/openai/deployments/\(deployment)/chat/completions"
            components.queryItems = [URLQueryItem(name: "api-version", value: config.azureAPIVersion ?? "")]
            return components.url!
        case .jsonSchema, .jsonObjectSchema, .plainJSON:
            return config.endpoint.appendingPathComponent("chat/completions")
        }
    }

    /// The JSON body for the dialect.
    public func body(for request: ChatRequest) -> JSONValue {
        var body: [String: JSONValue] = [
            "messages": .array([
                .object(["role": .string("system"), "content": .string(request.system)]),
                .object(["role": .string("user"), "content": .string(request.user)]),
            ]),
            "temperature": .number(request.temperature),
            "max_tokens": .number(Double(request.maxTokens)),
            "stream": .bool(false),
        ]
        if config.dialect != .azure { body["model"] = .string(config.model) }
        switch config.dialect {
        case .jsonSchema, .azure:
            body["response_format"] = .object([
                "type": .string("json_schema"),
                "json_schema": .object([
                    "name": .string("palaute_answer"), "strict": .bool(true), "schema": request.schema,
                ]),
            ])
        case .jsonObjectSchema:
            body["response_format"] = .object(["type": .string("json_object"), "schema": request.schema])
        case .plainJSON:
            break
        }
        return .object(body)
    }

    public func prepare(_ request: ChatRequest) throws -> PreparedRequest {
        var headers = ["Content-Type": "application/json", "Accept": "application/json"]
        if let env = config.apiKeyEnv {
            headers[config.dialect == .azure ? "api-key" : "Authorization"] =
                config.dialect == .azure ? "$\(env)" : "Bearer $\(env)"
        }
        return PreparedRequest(url: url, headers: headers, body: body(for: request))
    }

    private func urlRequest(for request: ChatRequest) throws -> URLRequest {
        var r = URLRequest(
            url: url, cachePolicy: .reloadIgnoringLocalCacheData,
            timeoutInterval: Self.transportTimeout(config.timeoutSeconds))
        r.httpMethod = "POST"
        r.setValue("application/json", forHTTPHeaderField: "Content-Type")
        r.setValue("application/json", forHTTPHeaderField: "Accept")
        let key: String?
        do {
            key = try config.apiKey(environment: environment())
        } catch {
            throw ChatError.missingAPIKey(String(describing: error))
        }
        if let key {
            if config.dialect == .azure {
                r.setValue(key, forHTTPHeaderField: "api-key")
            } else {
                r.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization")
            }
        }
        r.httpBody = body(for: request).encoded()
        return r
    }

    // MARK: Sending

    public func complete(_ request: ChatRequest) async throws -> ChatResponse {
        let urlRequest = try urlRequest(for: request)
        var attempt = 0
        while true {
            try Task.checkCancellation()
            attempt += 1
            let failure: ChatError
            var retryAfter: Double?
            do {
                let (data, response) = try await send(urlRequest)
                if (200...299).contains(response.statusCode) {
                    var answer = try Self.parse(data)
                    answer.attempts = attempt
                    return answer
                }
                failure = .http(status: response.statusCode)
                retryAfter = RetryPolicy.retryAfter(Self.header("Retry-After", in: response))
            } catch let error as ChatError {
                failure = error
            }
            guard failure.isRetryable, attempt <= config.maxRetries else { throw failure }
            let delay = RetryPolicy.delay(
                attempt: attempt, retryAfter: retryAfter, base: config.backoffBaseSeconds, max: config.backoffMaxSeconds)
            logger.notice(
                "LLM request failed, retrying",
                metadata: ["error": "\(failure)", "attempt": "\(attempt)", "delay_s": "\(delay)"])
            try await Task.sleep(nanoseconds: UInt64(delay * 1_000_000_000))
        }
    }

    /// One HTTP exchange with a hard deadline; cancelling the calling task cancels the transfer.
    private func send(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
        let exchange = Exchange()
        let timeout = config.timeoutSeconds
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<(Data, HTTPURLResponse), any Error>) in
                exchange.start(continuation)
                let task = session.dataTask(with: request) { data, response, error in
                    if let error {
                        exchange.finish(.failure(Self.map(error, timeout: timeout)))
                    } else if let http = response as? HTTPURLResponse {
                        exchange.finish(.success((data ?? Data(), http)))
                    } else {
                        exchange.finish(.failure(ChatError.malformedResponse("no HTTP response")))
                    }
                }
                exchange.attach(task)
                DispatchQueue.global().asyncAfter(deadline: .now() + timeout) {
                    exchange.finish(.failure(ChatError.timedOut(seconds: timeout)))
                }
                task.resume()
            }
        } onCancel: {
            exchange.finish(.failure(CancellationError()))
        }
    }

    private static func map(_ error: any Error, timeout: Double) -> any Error {
        let ns = error as NSError
        guard ns.domain == NSURLErrorDomain else { return ChatError.connectionFailed("\(ns.domain) \(ns.code)") }
        switch ns.code {
        case NSURLErrorCancelled: return CancellationError()
        case NSURLErrorTimedOut: return ChatError.timedOut(seconds: timeout)
        case NSURLErrorCannotConnectToHost: return ChatError.connectionFailed("connection refused")
        case NSURLErrorNetworkConnectionLost: return ChatError.connectionFailed("connection lost")
        case NSURLErrorCannotFindHost: return ChatError.connectionFailed("host not found")
        default: return ChatError.connectionFailed("URL error \(ns.code)")
        }
    }

    static func header(_ name: String, in response: HTTPURLResponse) -> String? {
        for (k, v) in response.allHeaderFields {
            if let k = k as? String, k.caseInsensitiveCompare(name) == .orderedSame { return v as? String }
        }
        return nil
    }

    /// Reads `choices[0].message.content` and `usage` from a chat-completion envelope.
    static func parse(_ data: Data) throws -> ChatResponse {
        guard let envelope = try? JSONDecoder().decode(JSONValue.self, from: data) else {
            throw ChatError.malformedResponse("body is not JSON (\(data.count) bytes)")
        }
        guard case .array(let choices)? = envelope["choices"], let first = choices.first,
            let content = first["message"]?["content"]?.stringValue
        else { throw ChatError.malformedResponse("no choices[0].message.content") }
        let usage = envelope["usage"]
        return ChatResponse(
            content: content,
            promptTokens: usage?["prompt_tokens"]?.intValue ?? 0,
            completionTokens: usage?["completion_tokens"]?.intValue ?? 0)
    }
}

/// The one-shot rendezvous between URLSession's callback, the deadline and task cancellation:
/// whichever comes first resumes the continuation and cancels the transfer.
private final class Exchange: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<(Data, HTTPURLResponse), any Error>?
    private var task: URLSessionDataTask?
    private var pending: Result<(Data, HTTPURLResponse), any Error>?
    private var done = false

    func start(_ c: CheckedContinuation<(Data, HTTPURLResponse), any Error>) {
        lock.lock()
        if let pending, !done {
            done = true
            lock.unlock()
            c.resume(with: pending)
            return
        }
        continuation = c
        lock.unlock()
    }

    func attach(_ t: URLSessionDataTask) {
        lock.lock()
        let finished = done
        task = t
        lock.unlock()
        if finished { t.cancel() }
    }

    func finish(_ result: Result<(Data, HTTPURLResponse), any Error>) {
        lock.lock()
        if done {
            lock.unlock()
            return
        }
        guard let c = continuation else {
            // Cancelled before the continuation existed: remember it for `start`.
            if pending == nil { pending = result }
            lock.unlock()
            return
        }
        done = true
        continuation = nil
        let t = task
        lock.unlock()
        if case .failure = result { t?.cancel() }
        c.resume(with: result)
    }
}

/// Backoff arithmetic, apart from the client so it can be checked without waiting.
public enum RetryPolicy {
    /// Exponential backoff with jitter (between half and all of `base·2^(attempt-1)`), or the server's
    /// `Retry-After` when it gave one; never longer than `max`.
    public static func delay(attempt: Int, retryAfter: Double?, base: Double, max: Double) -> Double {
        if let retryAfter { return Swift.min(Swift.max(0, retryAfter), max) }
        let exponential = base * pow(2, Double(Swift.max(0, attempt - 1)))
        let jittered = exponential * Double.random(in: 0.5...1.0)
        return Swift.min(jittered, max)
    }

    /// `Retry-After` as seconds: either delta-seconds or an HTTP date.
    public static func retryAfter(_ value: String?, now: Date = Date()) -> Double? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Double(value) { return Swift.max(0, seconds) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: value) { return Swift.max(0, date.timeIntervalSince(now)) }
        }
        return nil
    }
}
