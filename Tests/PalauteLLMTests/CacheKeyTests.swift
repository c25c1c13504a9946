import Testing
import PalauteIngest

@testable import PalauteLLM

@Suite struct CacheKeyTests {
    @Test func cacheKeyNamesModelPromptAndText() {
        let a = LLMCacheKey.key(model: "m", promptVersion: "v1-x", redactedText: "Odotin tunnin.")
        #expect(a.count == 64)
        #expect(a == SHA256.hex("m\u{1F}v1-x\u{1F}Odotin tunnin."))
        #expect(a != LLMCacheKey.key(model: "m2", promptVersion: "v1-x", redactedText: "Odotin tunnin."))
        #expect(a != LLMCacheKey.key(model: "m", promptVersion: "v1-y", redactedText: "Odotin tunnin."))
        #expect(a != LLMCacheKey.key(model: "m", promptVersion: "v1-x", redactedText: "Odotin tunnin!"))
    }
}
