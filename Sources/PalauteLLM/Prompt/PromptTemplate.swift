import Foundation
import PalauteIngest
import PalauteText

/// The versioned prompt and answer schema of `models/llm/`, so that wording lives with the quality team
/// and every answer can be traced to the exact text that produced it.
public struct PromptTemplate: Sendable, Equatable {
    /// `v<N>-<12 hex>`: the file's version number and a hash of prompt + schema, so any edit changes it.
    public var version: String
    public var system: String
    public var userTemplate: String
    /// The answer schema as a JSON value, sent as `response_format` where the dialect allows.
    public var schema: JSONValue

    static let commentOpen = "<<<COMMENT"
    static let commentClose = "COMMENT>>>"

    public init(version: String, system: String, userTemplate: String, schema: JSONValue) {
        self.version = version
        self.system = system
        self.userTemplate = userTemplate
        self.schema = schema
    }

    /// Loads `prompt-v<N>.md` and `schema-v<N>.json` from the `llm/` folder of `models/`.
    public static func load(version number: Int = 1, models explicit: String? = nil) throws -> PromptTemplate {
        let folder = try ResourceLocator.locate("models", explicit: explicit).appendingPathComponent("llm")
        return try load(from: folder, version: number)
    }

    public static func load(from folder: URL, version number: Int) throws -> PromptTemplate {
        let promptURL = folder.appendingPathComponent("prompt-v\(number).md")
        let schemaURL = folder.appendingPathComponent("schema-v\(number).json")
        guard let promptData = try? Data(contentsOf: promptURL) else {
            throw PromptError(file: promptURL.path, problem: "cannot be read")
        }
        guard let schemaData = try? Data(contentsOf: schemaURL) else {
            throw PromptError(file: schemaURL.path, problem: "cannot be read")
        }
        let text = String(decoding: promptData, as: UTF8.self)
        guard let sys = text.range(of: "\n## system\n") else {
            throw PromptError(file: promptURL.path, problem: "has no \"## system\" heading")
        }
        guard let usr = text.range(of: "\n## user\n", range: sys.upperBound..<text.endIndex) else {
            throw PromptError(file: promptURL.path, problem: "has no \"## user\" heading after \"## system\"")
        }
        let system = String(text[sys.upperBound..<usr.lowerBound]).trimmingCharacters(in: .whitespacesAndNewlines)
        let user = String(text[usr.upperBound...]).trimmingCharacters(in: .whitespacesAndNewlines)
        guard user.contains("{{comment}}") else {
            throw PromptError(file: promptURL.path, problem: "user section has no {{comment}} placeholder")
        }
        guard user.contains(commentOpen), user.contains(commentClose) else {
            throw PromptError(
                file: promptURL.path, problem: "user section must frame {{comment}} with \(commentOpen) … \(commentClose)")
        }
        let schema: JSONValue
        do {
            schema = try JSONDecoder().decode(JSONValue.self, from: schemaData)
        } catch {
            throw PromptError(file: schemaURL.path, problem: "is not valid JSON")
        }
        let hash = SHA256.hex(bytes: Array(promptData) + [0x1F] + Array(schemaData))
        return PromptTemplate(
            version: "v\(number)-\(hash.prefix(12))", system: system, userTemplate: user, schema: schema)
    }

    /// The system message, with the schema written out (plain-JSON providers see it only here).
    public func systemMessage() -> String {
        system.replacingOccurrences(of: "{{schema}}", with: schema.compactString)
    }

    /// The user message: the redacted comment framed as data. Marker look-alikes inside the comment are
    /// defused so that the comment cannot end its own frame.
    public func userMessage(redactedText: String, language: Language) -> String {
        let defused = Self.defuse(redactedText)
        return userTemplate
            .replacingOccurrences(of: "{{lang}}", with: language.rawValue)
            .replacingOccurrences(of: "{{comment}}", with: defused)
    }

    static func defuse(_ text: String) -> String {
        text.replacingOccurrences(of: "<<<", with: "«").replacingOccurrences(of: ">>>", with: "»")
    }
}

/// The prompt or schema file is missing or malformed.
public struct PromptError: Error, CustomStringConvertible {
    public var file: String
    public var problem: String
    public var description: String { "\(file) \(problem)" }
}
