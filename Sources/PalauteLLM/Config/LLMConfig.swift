import Foundation

/// How a provider wants structured output asked for. Providers differ, and asking the wrong way
/// fails loudly (llama-cpp-python answers HTTP 500 to `json_schema`), so the config names it.
public enum LLMDialect: String, Codable, Sendable, CaseIterable {
    /// `response_format: {type: json_schema, json_schema: {...}}`: OpenAI, vLLM, recent llama.cpp servers.
    case jsonSchema = "json_schema"
    /// `response_format: {type: json_object, schema: {...}}`: llama-cpp-python's server.
    case jsonObjectSchema = "json_object_schema"
    /// No `response_format`: the schema is described in the prompt and the answer validated afterwards.
    case plainJSON = "plain_json"
    /// Azure OpenAI: deployment URL, `api-version` query, `api-key` header, `json_schema` response format.
    case azure
}

/// The LLM settings a quality team edits, loaded from a JSON file (see `models/llm/config.example.json`).
///
/// The API key itself is never part of the config: `apiKeyEnv` names the environment variable that holds it,
/// and the key is read only when a request is built.
public struct LLMConfig: Codable, Sendable, Equatable {
    /// Base URL of the OpenAI-compatible server, e.g. `http://127.0.0.1:18080/v1`. For Azure, the resource URL.
    public var endpoint: URL
    public var model: String
    public var dialect: LLMDialect
    /// Azure only: the deployment name in the URL.
    public var azureDeployment: String?
    /// Azure only: the `api-version` query parameter.
    public var azureAPIVersion: String?
    /// Name of the environment variable holding the API key; `nil` for servers without authentication.
    public var apiKeyEnv: String?
    /// Seconds one HTTP request may take before it is abandoned.
    public var timeoutSeconds: Double
    /// Requests in flight at once.
    public var maxConcurrency: Int
    /// Transport retries (timeouts, 429, 5xx) after the first attempt.
    public var maxRetries: Int
    /// Per-run cap on chat requests (validation retries count).
    public var maxRequestsPerRun: Int
    /// Per-run cap on tokens (prompt + completion).
    public var maxTokensPerRun: Int
    /// Upper bound on the answer's length, sent as `max_tokens`.
    public var maxTokensPerAnswer: Int
    public var temperature: Double
    /// `--llm uncertain` sends a response whose lexicon confidence is below this.
    public var confidenceThreshold: Double
    /// A mixed or non-Finnish response is sent unless the lexicon's confidence reaches this: such
    /// responses are where the lexicon errs most, but sending every one of them alone would exceed a
    /// quarter of a typical night (see docs/llm.md).
    public var mixedLanguageThreshold: Double
    /// First backoff delay in seconds; doubles each retry, with jitter.
    public var backoffBaseSeconds: Double
    /// Longest single wait, also for a server's `Retry-After`.
    public var backoffMaxSeconds: Double

    enum CodingKeys: String, CodingKey {
        case endpoint, model, dialect, temperature
        case azureDeployment = "azure_deployment"
        case azureAPIVersion = "azure_api_version"
        case apiKeyEnv = "api_key_env"
        case timeoutSeconds = "timeout_seconds"
        case maxConcurrency = "max_concurrency"
        case maxRetries = "max_retries"
        case maxRequestsPerRun = "max_requests_per_run"
        case maxTokensPerRun = "max_tokens_per_run"
        case maxTokensPerAnswer = "max_tokens_per_answer"
        case confidenceThreshold = "confidence_threshold"
        case mixedLanguageThreshold = "mixed_language_threshold"
        case backoffBaseSeconds = "backoff_base_seconds"
        case backoffMaxSeconds = "backoff_max_seconds"
    }

    public init(
        endpoint: URL, model: String, dialect: LLMDialect, azureDeployment: String? = nil,
        azureAPIVersion: String? = nil, apiKeyEnv: String? = nil, timeoutSeconds: Double = 30,
        maxConcurrency: Int = 2, maxRetries: Int = 3, maxRequestsPerRun: Int = 1_000,
        maxTokensPerRun: Int = 500_000, maxTokensPerAnswer: Int = 300, temperature: Double = 0,
        confidenceThreshold: Double = 0.5, mixedLanguageThreshold: Double = 0.8, backoffBaseSeconds: Double = 0.5, backoffMaxSeconds: Double = 30
    ) {
        self.endpoint = endpoint
        self.model = model
        self.dialect = dialect
        self.azureDeployment = azureDeployment
        self.azureAPIVersion = azureAPIVersion
        self.apiKeyEnv = apiKeyEnv
        self.timeoutSeconds = timeoutSeconds
        self.maxConcurrency = maxConcurrency
        self.maxRetries = maxRetries
        self.maxRequestsPerRun = maxRequestsPerRun
        self.maxTokensPerRun = maxTokensPerRun
        self.maxTokensPerAnswer = maxTokensPerAnswer
        self.temperature = temperature
        self.confidenceThreshold = confidenceThreshold
        self.mixedLanguageThreshold = mixedLanguageThreshold
        self.backoffBaseSeconds = backoffBaseSeconds
        self.backoffMaxSeconds = backoffMaxSeconds
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = LLMConfig(endpoint: URL(string: "http://127.0.0.1")!, model: "", dialect: .jsonSchema)
        func field<T: Decodable>(_ key: CodingKeys, _ fallback: T) throws -> T {
            do {
                return try c.decodeIfPresent(T.self, forKey: key) ?? fallback
            } catch {
                throw LLMConfigError(field: key.stringValue, problem: "has the wrong type")
            }
        }
        guard let endpointText = try field(.endpoint, String?.none), let url = URL(string: endpointText),
            let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil
        else { throw LLMConfigError(field: "endpoint", problem: "must be an http(s) URL") }
        endpoint = url
        model = try field(.model, "")
        guard let dialectText = try field(.dialect, String?.none) else {
            throw LLMConfigError(field: "dialect", problem: "is missing")
        }
        guard let d = LLMDialect(rawValue: dialectText) else {
            throw LLMConfigError(
                field: "dialect",
                problem: "must be one of \(LLMDialect.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        dialect = d
        azureDeployment = try field(.azureDeployment, String?.none)
        azureAPIVersion = try field(.azureAPIVersion, String?.none)
        apiKeyEnv = try field(.apiKeyEnv, String?.none)
        timeoutSeconds = try field(.timeoutSeconds, defaults.timeoutSeconds)
        maxConcurrency = try field(.maxConcurrency, defaults.maxConcurrency)
        maxRetries = try field(.maxRetries, defaults.maxRetries)
        maxRequestsPerRun = try field(.maxRequestsPerRun, defaults.maxRequestsPerRun)
        maxTokensPerRun = try field(.maxTokensPerRun, defaults.maxTokensPerRun)
        maxTokensPerAnswer = try field(.maxTokensPerAnswer, defaults.maxTokensPerAnswer)
        temperature = try field(.temperature, defaults.temperature)
        confidenceThreshold = try field(.confidenceThreshold, defaults.confidenceThreshold)
        mixedLanguageThreshold = try field(.mixedLanguageThreshold, defaults.mixedLanguageThreshold)
        backoffBaseSeconds = try field(.backoffBaseSeconds, defaults.backoffBaseSeconds)
        backoffMaxSeconds = try field(.backoffMaxSeconds, defaults.backoffMaxSeconds)
        try validate()
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(endpoint.absoluteString, forKey: .endpoint)
        try c.encode(model, forKey: .model)
        try c.encode(dialect, forKey: .dialect)
        try c.encodeIfPresent(azureDeployment, forKey: .azureDeployment)
        try c.encodeIfPresent(azureAPIVersion, forKey: .azureAPIVersion)
        try c.encodeIfPresent(apiKeyEnv, forKey: .apiKeyEnv)
        try c.encode(timeoutSeconds, forKey: .timeoutSeconds)
        try c.encode(maxConcurrency, forKey: .maxConcurrency)
        try c.encode(maxRetries, forKey: .maxRetries)
        try c.encode(maxRequestsPerRun, forKey: .maxRequestsPerRun)
        try c.encode(maxTokensPerRun, forKey: .maxTokensPerRun)
        try c.encode(maxTokensPerAnswer, forKey: .maxTokensPerAnswer)
        try c.encode(temperature, forKey: .temperature)
        try c.encode(confidenceThreshold, forKey: .confidenceThreshold)
        try c.encode(mixedLanguageThreshold, forKey: .mixedLanguageThreshold)
        try c.encode(backoffBaseSeconds, forKey: .backoffBaseSeconds)
        try c.encode(backoffMaxSeconds, forKey: .backoffMaxSeconds)
    }

    /// Checks the values that decoding cannot: every error names the field it is about.
    public func validate() throws {
        if dialect != .azure, model.isEmpty { throw LLMConfigError(field: "model", problem: "is missing or empty") }
        if dialect == .azure {
            if (azureDeployment ?? "").isEmpty {
                throw LLMConfigError(field: "azure_deployment", problem: "is required for the azure dialect")
            }
            if (azureAPIVersion ?? "").isEmpty {
                throw LLMConfigError(field: "azure_api_version", problem: "is required for the azure dialect")
            }
            if (apiKeyEnv ?? "").isEmpty {
                throw LLMConfigError(field: "api_key_env", problem: "is required for the azure dialect")
            }
        }
        if let env = apiKeyEnv, env.isEmpty || env.contains(where: { !($0.isLetter || $0.isNumber || $0 == "_") }) {
            throw LLMConfigError(
                field: "api_key_env",
                problem: "must be the NAME of an environment variable (letters, digits, _), not the key itself")
        }
        guard timeoutSeconds > 0 else { throw LLMConfigError(field: "timeout_seconds", problem: "must be > 0") }
        guard (1...64).contains(maxConcurrency) else {
            throw LLMConfigError(field: "max_concurrency", problem: "must be between 1 and 64")
        }
        guard (0...10).contains(maxRetries) else {
            throw LLMConfigError(field: "max_retries", problem: "must be between 0 and 10")
        }
        guard maxRequestsPerRun >= 0 else {
            throw LLMConfigError(field: "max_requests_per_run", problem: "must be >= 0")
        }
        guard maxTokensPerRun >= 0 else { throw LLMConfigError(field: "max_tokens_per_run", problem: "must be >= 0") }
        guard maxTokensPerAnswer > 0 else {
            throw LLMConfigError(field: "max_tokens_per_answer", problem: "must be > 0")
        }
        guard (0...2).contains(temperature) else {
            throw LLMConfigError(field: "temperature", problem: "must be between 0 and 2")
        }
        guard (0...1).contains(confidenceThreshold) else {
            throw LLMConfigError(field: "confidence_threshold", problem: "must be between 0 and 1")
        }
        guard (0...1).contains(mixedLanguageThreshold) else {
            throw LLMConfigError(field: "mixed_language_threshold", problem: "must be between 0 and 1")
        }
        guard backoffBaseSeconds >= 0, backoffMaxSeconds >= backoffBaseSeconds else {
            throw LLMConfigError(
                field: "backoff_max_seconds", problem: "must be >= backoff_base_seconds, both >= 0")
        }
    }

    /// Reads and validates a config file. Errors name the file and the field.
    public static func load(from url: URL) throws -> LLMConfig {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw LLMConfigError(file: url.path, field: nil, problem: "cannot be read")
        }
        do {
            return try JSONDecoder().decode(LLMConfig.self, from: data)
        } catch var error as LLMConfigError {
            error.file = url.path
            throw error
        } catch {
            throw LLMConfigError(file: url.path, field: nil, problem: "is not a JSON object")
        }
    }

    /// The API key from the environment variable the config names, read at request time only.
    func apiKey(environment: [String: String]) throws -> String? {
        guard let name = apiKeyEnv else { return nil }
        guard let key = environment[name], !key.isEmpty else {
            throw LLMConfigError(field: "api_key_env", problem: "names $\(name), which is not set")
        }
        return key
    }
}

/// A config problem, naming the field (and file) so a quality team can fix it without reading code.
public struct LLMConfigError: Error, CustomStringConvertible, Equatable {
    public var file: String?
    public var field: String?
    public var problem: String

    public init(file: String? = nil, field: String?, problem: String) {
        self.file = file
        self.field = field
        self.problem = problem
    }

    public var description: String {
        let place = file.map { "\($0): " } ?? ""
        if let field { return "\(place)LLM config field \"\(field)\" \(problem)" }
        return "\(place)LLM config \(problem)"
    }
}
