import Testing
@testable import PalauteText

@Suite struct ParallelAnalysisTests {
    @Test func twoWorkersGiveTheSameResultsInOrder() throws {
        let texts = (0..<40).map { i in
            ["Kiitos Liisalle!", "En saanut aikaa, mutta hoitaja oli kiva :)", "Tack!", "Soita 040-1234567",
             "kiitoooos laakari"][i % 5] + " \(i)"
        }
        let summarise: @Sendable (AnalyzedText) -> String = { a in
            a.language.rawValue + "|" + a.redaction.text + "|" + a.tokens.map(\.lemma).joined(separator: " ")
        }
        let one = try ParallelAnalysis.map(texts, workers: 1, makeAnalyzer: { try TextAnalyzer(lexicons: nil) },
                                           transform: summarise)
        let two = try ParallelAnalysis.map(texts, workers: 2, makeAnalyzer: { try TextAnalyzer(lexicons: nil) },
                                           transform: summarise)
        #expect(one.count == texts.count)
        #expect(one == two)
        #expect(one[0].hasPrefix("fi|Kiitos [NIMI]! 0|"))
        #expect(one[2].hasPrefix("sv|"))
    }

    @Test func sharesCoverEveryIndexOnce() {
        for (count, workers) in [(0, 2), (1, 2), (5, 2), (100, 3), (7, 7), (3, 8)] {
            let shares = ParallelAnalysis.split(count, into: workers)
            #expect(shares.flatMap { Array($0) } == Array(0..<count))
        }
    }

    @Test func workerErrorsReachTheCaller() {
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            _ = try ParallelAnalysis.map(["a", "b"], workers: 2, makeAnalyzer: { throw Boom() }, transform: { $0.text })
        }
    }
}

@Suite struct SharedResolutionsTests {
    @Test func budgetDependentResultsAreNotShared() throws {
        let shared = SharedResolutions()
        let a = Normalizer(voikko: try Voikko(), colloquial: .builtIn, suggestionBudget: 1)
        let b = Normalizer(voikko: try Voikko(), colloquial: .builtIn, suggestionBudget: 0)
        a.shared = shared
        b.shared = shared
        #expect(a.resolve("lääkäri").source == .surface)
        #expect(a.resolve("asiallnen").source == .suggestion)
        #expect(shared.count == 1)  // the Voikko reading is shared, the suggestion is not
        // Worker b has no budget: it must not borrow a's suggestion, and its budget-limited miss is not shared.
        #expect(b.resolve("asiallnen").source == .unknown)
        #expect(b.resolve("lääkäri").source == .surface)
        #expect(shared.count == 1)
    }

    /// A form that asked for a suggestion and got none is not shared either: a worker that met it first must
    /// not save another worker the budget it would have spent on it alone.
    @Test func failedSuggestionIsNotShared() throws {
        let shared = SharedResolutions()
        let a = Normalizer(voikko: try Voikko(), colloquial: .builtIn, suggestionBudget: 5)
        let b = Normalizer(voikko: try Voikko(), colloquial: .builtIn, suggestionBudget: 5)
        a.shared = shared
        b.shared = shared
        let word = "kjlmnprstv"
        #expect(Normalizer.wantsSuggestion(word))
        #expect(a.resolve(word).source == .unknown)
        #expect(a.suggestionsUsed == 1)
        #expect(shared.count == 0)
        #expect(b.resolve(word).source == .unknown)
        #expect(b.suggestionsUsed == 1)
    }
}
