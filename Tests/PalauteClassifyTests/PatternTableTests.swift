import Foundation
import Testing
import PalauteText
@testable import PalauteClassify

@Suite struct PatternTableTests {
    /// Every numbered pattern of the bundled lexicons answers from the precomputed bits exactly what the
    /// string comparison answers, for lemma-bearing forms, unknown forms and written forms.
    @Test func bitsAgreeWithStringMatching() throws {
        let bundle = try LexiconBundle.locate()
        let samples: [TokenForms] = [
            TokenForms(lemmas: ["lääkäri"], surface: "lääkärit"),
            TokenForms(lemmas: ["ei"], surface: "ei"),
            TokenForms(lemmas: ["hoitaja", "hoitaa"], surface: "hoitajat"),
            TokenForms(lemmas: ["ajanvaraus"], surface: "ajanvarausta"),
            TokenForms(lemmas: ["soittaa"], surface: "soittakaa"),
            TokenForms(lemmas: ["hyvä"], surface: "hyvä"),
            TokenForms(lemmas: [], surface: "vastaanottoaika"),
            TokenForms(lemmas: [], surface: "parkkila"),
            TokenForms(lemmas: [], surface: "kiitos"),
            TokenForms(lemmas: [], surface: "bra"),
        ]
        let doctor = TokenForms(lemmas: ["lääkäri"], surface: "lääkäri")
        #expect(bundle[.fi].patternTable.patterns.contains { $0.textMatches(doctor) })  // the samples exercise set bits
        for lang in [Language.fi, .sv, .en] {
            let lex = bundle[lang]
            #expect(!lex.patternTable.patterns.isEmpty)
            for forms in samples {
                var indexed = forms
                indexed.matched = lex.patternTable.matches(forms)
                for p in lex.patternTable.patterns {
                    #expect(p.matches(indexed) == p.textMatches(forms), "\(lang) \(p) \(forms.surface)")
                }
                for idiom in lex.idioms {
                    for e in idiom.phrase.elements {
                        #expect(e.slot >= 0)
                        #expect(e.matches(indexed) == e.textMatches(forms), "\(lang) \(e) \(forms.surface)")
                    }
                }
                for cue in lex.cues {
                    for e in cue.phrase.elements {
                        #expect(e.slot >= 0)
                        #expect(e.matches(indexed) == e.textMatches(forms), "\(lang) \(e) \(forms.surface)")
                    }
                }
            }
        }
    }

    /// The tries find what the one-by-one comparison finds, for forms built around every partial pattern's
    /// value (as prefix, suffix, infix, and cut short by one byte), with and without lemmas, and for forms
    /// with combining marks that take the slow path.
    @Test func triesAgreeWithStringMatching() throws {
        let bundle = try LexiconBundle.locate()
        for lang in [Language.fi, .sv, .en] {
            let table = bundle[lang].patternTable
            let partial = table.patterns.enumerated().filter { $0.element.mode != .exact && $0.element.mode != .surface }
            #expect(!partial.isEmpty)
            var strings: [String] = ["", "a", "lääkäri", "la\u{308}a\u{308}kari", "puhe\u{AD}lin"]
            for (_, p) in partial {
                strings += [p.value, "ä" + p.value + "ö", String(p.value.dropLast()), String(p.value.dropFirst())]
            }
            for (k, s) in strings.enumerated() {
                let other = strings[(k * 7 + 3) % strings.count]
                for forms in [TokenForms(lemmas: [], surface: s), TokenForms(lemmas: [other, s], surface: s)] {
                    let bits = table.matches(forms)
                    for (slot, p) in partial {
                        #expect(bits.contains(Int32(slot)) == p.textMatches(forms), "\(lang) \(p) \(forms.lemmas) \(forms.surface)")
                    }
                }
            }
        }
    }

    /// Bits computed for one lexicon are never read against another lexicon's numbering.
    @Test func bitsOfAnotherTableAreIgnored() throws {
        var a = PatternTable(), b = PatternTable()
        var pa = try #require(TokenPattern(parsing: "lääkäri"))
        var pb = try #require(TokenPattern(parsing: "hoitaja"))
        a.register(&pa)
        b.register(&pb)
        #expect(pa.slot == 0 && pb.slot == 0)
        var forms = TokenForms(lemmas: ["lääkäri"], surface: "lääkäri")
        forms.matched = a.matches(forms)
        #expect(pa.matches(forms))
        #expect(!pb.matches(forms))  // slot 0 is set, but in a's numbering
        #expect(forms == TokenForms(lemmas: ["lääkäri"], surface: "lääkäri"))
    }

    /// The byte search answers exactly as Foundation's search, and leaves decomposed or unusual text to it.
    @Test func containsAgreesWithFoundation() {
        let pairs: [(String, String)] = [
            ("ajanvarausjärjestelmä", "varaus"), ("ajanvarausjärjestelmä", "järjes"), ("hoitaja", "hoitaja"),
            ("hoito", "hoitaja"), ("päivystys", "ä"), ("aa", "a"), ("väärä", "är"), ("lääkäri", "a"),
            ("la\u{308}a\u{308}ka\u{308}ri", "ä"), ("lääkäri", "a\u{308}"), ("puhe\u{AD}lin", "puhelin"),
            ("x", ""), ("", "a"), ("😀ok", "ok"),
        ]
        for (h, n) in pairs {
            #expect(TokenPattern.contains(h, n) == h.contains(n), "\(h) \(n)")
        }
        #expect(TokenPattern.plainContains("lääkäri".utf8, "kär".utf8) == true)
        #expect(TokenPattern.plainContains("la\u{308}a\u{308}kari".utf8, "a".utf8) == nil)
        #expect(TokenPattern.plainContains("puhe\u{AD}lin".utf8, "lin".utf8) == nil)
    }
}
