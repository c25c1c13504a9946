import Foundation
import Logging

extension LLMAssist {
    /// What `classify --llm POLICY --llm-config FILE` and the nightly run need: config and prompt loaded and
    /// validated, an OpenAI-compatible client. Returns `nil` for policy `off`, so the offline path reads no
    /// config and builds no client.
    public static func load(
        policy: LLMPolicy, configFile: String?, models: String? = nil, cache: any LLMAnswerCache,
        logger: Logger = Logger(label: "palaute.llm")
    ) throws -> LLMAssist? {
        guard policy != .off else { return nil }
        guard let configFile else {
            throw LLMConfigError(field: nil, problem: "file is required for --llm \(policy.rawValue) (--llm-config FILE)")
        }
        let config = try LLMConfig.load(from: URL(fileURLWithPath: configFile))
        let prompt = try PromptTemplate.load(version: 1, models: models)
        return LLMAssist(
            policy: policy, config: config, prompt: prompt,
            client: OpenAICompatibleClient(config: config, logger: logger), cache: cache, logger: logger)
    }
}
