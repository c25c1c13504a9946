import Foundation
import Testing
@testable import PalauteIngest

@Suite struct ValidationTests {
    @Test func scoresOutOfRangeOrNotIntegersAreRejected() throws {
        let (_, result) = try readAll(fixture("bad-scores.csv"))
        #expect(result.records.map(\.externalID) == ["S1", "S6", "S7"])
        #expect(result.record("S1")?.score == 0)
        #expect(result.record("S6")?.score == 10)
        #expect(result.record("S7")?.score == nil)
        #expect(result.rejects.map(\.line) == [3, 4, 5, 6])
        #expect(result.rejects.allSatisfy { $0.field == "score" })
        #expect(result.reject(line: 3)?.reason == "score 11 is outside 0–10")
        #expect(result.reject(line: 4)?.reason == "score -1 is outside 0–10")
        #expect(result.reject(line: 5)?.reason == "score 'hyvä' is not an integer 0–10")
        #expect(result.reject(line: 6)?.reason == "score '7.5' is not an integer 0–10")
        #expect(result.reject(line: 3)?.description == "bad-scores.csv:3: field 'score': score 11 is outside 0–10")
    }

    @Test func aCommentInTheScoreColumnIsNotQuotedInTheReason() throws {
        #expect(throws: FieldValidation.ScoreError.notAnInteger("soita 0401234567")) {
            try FieldValidation.score("soita 0401234567")
        }
        #expect(!FieldValidation.ScoreError.notAnInteger("soita 0401234567").reason.contains("040"))
    }

    @Test func finnishDatesBecomeISO() throws {
        let (_, result) = try readAll(fixture("finnish-dates.csv"))
        #expect(result.record("F1")?.visitedOn == "2026-03-02")
        #expect(result.record("F2")?.visitedOn == "2026-03-02")
        #expect(result.record("F3")?.visitedOn == "2028-02-29")
        #expect(result.record("F4")?.visitedOn == "2026-06-15")
        #expect(result.record("F5")?.visitedOn == "2026-06-15")
        #expect(result.record("F6")?.visitedOn == "2026-06-15")
        #expect(result.record("F9")?.visitedOn == nil)
        #expect(result.rejects.map(\.line) == [8, 9])
        #expect(result.rejects.allSatisfy { $0.field == "date" })
        #expect(result.reject(line: 8)?.reason == "date '31.2.2026' is not a date (yyyy-mm-dd or d.m.yyyy)")
    }

    @Test func dateEdgeCases() throws {
        #expect(try FieldValidation.date("29.2.2024") == "2024-02-29")
        #expect(throws: FieldValidation.DateError.self) { try FieldValidation.date("29.2.2026") }
        #expect(throws: FieldValidation.DateError.self) { try FieldValidation.date("1.13.2026") }
        #expect(throws: FieldValidation.DateError.self) { try FieldValidation.date("2.3.26") }
        #expect(throws: FieldValidation.DateError.self) { try FieldValidation.date("2026-3-2") }
        #expect(throws: FieldValidation.DateError.self) { try FieldValidation.date("2026-03-02x") }
        #expect(try FieldValidation.date("  ") == nil)
    }
}
