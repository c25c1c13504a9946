import Testing
@testable import PalauteText

@Suite struct ByteSearchTests {
    @Test func findsWhatFoundationFinds() {
        #expect("[Lt][Xp]saada[X]saa".utf8Range(of: "[Xp]").map { "[Lt][Xp]saada[X]saa"[$0] } == "[Xp]")
        #expect("idiom+negation".utf8Contains("negation"))
        #expect("jono…".utf8Contains("…"))
        #expect(!"negatio".utf8Contains("negation"))
        #expect(!"".utf8Contains("x"))
        #expect("abc".utf8Contains(""))
        // Overlapping start: the search restarts after a partial match.
        #expect("aab".utf8Contains("ab"))
    }

    @Test func substringsKeepTheirIndices() {
        let fst = "[Lt][Xp]saada[X]saa"
        let t = fst.utf8Range(of: "[Xp]")!
        let rest = fst[t.upperBound...]
        let end = rest.utf8Range(of: "[X]")!
        #expect(rest[..<end.lowerBound] == "saada")
    }
}
