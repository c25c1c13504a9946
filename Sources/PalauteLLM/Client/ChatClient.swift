import Foundation

/// One chat-completion call: the two messages and the settings that shape the answer.
public struct ChatRequest: Sendable, Hashable {
    public var system: String
    public var user: String
    public var schema: JSONValue
    public var maxTokens: Int
    public var temperature: Double

    public init(system: String, user: String, schema: JSONValue, maxTokens: Int, temperature: Double) {
        self.system = system
        self.user = user
        self.schema = schema
        self.maxTokens = maxTokens
        self.temperature = temperature
    }
}

/// What the provider answered: the message content and the token counts it billed.
public struct ChatResponse: Sendable, Hashable {
    public var content: String
    public var promptTokens: Int
    public var completionTokens: Int
    /// HTTP attempts it took, retries included.
    public var attempts: Int

    public init(content: String, promptTokens: Int, completionTokens: Int, attempts: Int = 1) {
        self.content = content
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.attempts = attempts
    }

    public var totalTokens: Int { promptTokens + completionTokens }
}

/// The HTTP request exactly as it would go on the wire, minus the secret: what `--dry-run` prints.
public struct PreparedRequest: Sendable, Hashable {
    public var url: URL
    /// Header values; the credential header shows `$ENV_NAME`, never the key.
    public var headers: [String: String]
    public var body: JSONValue
}

/// A chat-completions endpoint. A protocol so that tests and the orchestrator never need a network.
public protocol ChatClient: Sendable {
    /// Sends one request, retrying transport failures by the client's policy. Throws `ChatError`
    /// or `CancellationError`.
    func complete(_ request: ChatRequest) async throws -> ChatResponse
    /// The request as it would be sent, without sending it.
    func prepare(_ request: ChatRequest) throws -> PreparedRequest
}

/// Why a chat call failed after its retries. Descriptions carry no comment text and no key.
public enum ChatError: Error, CustomStringConvertible, Equatable {
    case timedOut(seconds: Double)
    case connectionFailed(String)
    case http(status: Int)
    case malformedResponse(String)
    case missingAPIKey(String)

    public var description: String {
        switch self {
        case .timedOut(let s): "LLM request timed out after \(s) s"
        case .connectionFailed(let why): "could not reach the LLM server: \(why)"
        case .http(let status): "LLM server answered HTTP \(status)"
        case .malformedResponse(let why): "LLM server response is not a chat completion: \(why)"
        case .missingAPIKey(let why): why
        }
    }

    /// Transport failures worth another attempt: timeouts, refused connections, 429 and 5xx.
    var isRetryable: Bool {
        switch self {
        case .timedOut, .connectionFailed: true
        case .http(let status): status == 429 || status == 408 || (500...599).contains(status)
        case .malformedResponse, .missingAPIKey: false
        }
    }
}
