import Foundation
import Testing
@testable import PalauteClassify

@Suite struct LexiconLoaderTests {
    /// Writes a one-language lexicon folder with the given files and returns its URL.
    func folder(_ files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lexicon-test-\(UUID().uuidString)")
        let fi = dir.appendingPathComponent("fi")
        try FileManager.default.createDirectory(at: fi, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: fi.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return dir
    }

    func loadError(_ files: [String: String]) throws -> LexiconError? {
        let dir = try folder(files)
        defer { try? FileManager.default.removeItem(at: dir) }
        do {
            _ = try LexiconBundle.load(from: dir)
            return nil
        } catch let e as LexiconError {
            return e
        }
    }

    @Test func validFilesLoad() throws {
        let dir = try folder([
            "topics.tsv": "# comment\ntopic\tpattern\tkind\tpriority\tnote\nwaiting\todottaa\tlemma\t2\n",
            "sentiment.tsv": "pattern\tweight\ncondition\t1\nhyvä\t1.5\n🙂\t1\n".replacingOccurrences(of: "condition\t1\n", with: ""),
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let bundle = try LexiconBundle.load(from: dir)
        #expect(bundle[.fi].topics.count == 1)
        #expect(bundle[.fi].sentiment.count == 2)
        #expect(bundle.version.count == 16)
    }

    @Test func unknownTopicNamesFileAndLine() throws {
        let e = try #require(try loadError(["topics.tsv": "topic\tpattern\tkind\tpriority\nwaiting\todottaa\tlemma\t2\nparking\tparkki\tpart\t3\n"]))
        #expect(e.file == "fi/topics.tsv")
        #expect(e.line == 3)
        #expect(e.message.contains("parking"))
    }

    @Test func badWeight() throws {
        let e = try #require(try loadError(["sentiment.tsv": "pattern\tweight\nhyvä\tpaljon\n"]))
        #expect(e.file == "fi/sentiment.tsv" && e.line == 2)
        let big = try #require(try loadError(["sentiment.tsv": "pattern\tweight\nhyvä\t7\n"]))
        #expect(big.line == 2 && big.message.contains("-3…3"))
    }

    @Test func quotedSequenceIsANounPhrase() throws {
        let dir = try folder(["idioms.tsv": "pattern\tweight\ttopic\n\"sama päivä\"\t1.2\t-\nei huono\t1.0\t-\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let idioms = try LexiconBundle.load(from: dir)[.fi].idioms
        #expect(Set(idioms.filter(\.phrase.tight).map(\.phrase.description)) == ["\"sama päivä\""])
        #expect(idioms.count == 2)
        // A co-occurrence has no word order to keep, so it cannot be quoted.
        let e = try #require(try loadError(["topics.tsv": "topic\tpattern\tkind\tpriority\nwaiting\t\"jono + pitkä\"\tphrase\t2\n"]))
        #expect(e.file == "fi/topics.tsv" && e.line == 2)
    }

    @Test func wrongColumnCount() throws {
        let e = try #require(try loadError(["modifiers.tsv": "pattern\ttype\tvalue\ntodella intensifier 1.5\n"]))
        #expect(e.file == "fi/modifiers.tsv" && e.line == 2)
        #expect(e.message.contains("columns"))
    }

    @Test func duplicateEntry() throws {
        let e = try #require(try loadError(["idioms.tsv": "pattern\tweight\ttopic\nei huono\t1\t-\n# again\nei huono\t1\t-\n"]))
        #expect(e.line == 4)
        #expect(e.message.contains("duplicate") && e.message.contains("line 2"))
    }

    @Test func unknownCueTypeAndScope() throws {
        let cue = try #require(try loadError(["cues.tsv": "type\tpattern\nwish\ttoivoa\n"]))
        #expect(cue.file == "fi/cues.tsv" && cue.line == 2)
        let scope = try #require(try loadError(["exclusions.tsv": "scope\tpattern\tkind\ntopic:parking\tx\tword\n"]))
        #expect(scope.file == "fi/exclusions.tsv" && scope.line == 2)
    }

    @Test func versionChangesWithContent() throws {
        let a = try folder(["topics.tsv": "h\nwaiting\todottaa\tlemma\t2\n"])
        let b = try folder(["topics.tsv": "h\nwaiting\tjonottaa\tlemma\t2\n"])
        defer {
            try? FileManager.default.removeItem(at: a)
            try? FileManager.default.removeItem(at: b)
        }
        #expect(try LexiconBundle.load(from: a).version != LexiconBundle.load(from: b).version)
    }

    @Test func bundledLexiconsLoad() throws {
        let bundle = try LexiconBundle.locate()
        for lang in [PalauteText.Language.fi, .sv, .en] {
            #expect(!bundle[lang].topics.isEmpty, "\(lang)")
            #expect(Set(bundle[lang].topics.map(\.topic)) == Set(Topic.allCases) || lang != .fi)
        }
    }

    @Test func patternSyntax() {
        let forms = TokenForms(lemmas: ["ajanvarausjärjestelmä"], surface: "ajanvarausjärjestelmässänne")
        #expect(TokenPattern(parsing: "*varaus*")!.matches(forms))
        #expect(TokenPattern(parsing: "*järjestelmä")!.matches(forms))
        #expect(TokenPattern(parsing: "ajan*")!.matches(forms))
        #expect(!TokenPattern(parsing: "järjestelmä")!.matches(forms))
        #expect(TokenPattern(parsing: "=ajanvarausjärjestelmässänne")!.matches(forms))
        // Partial patterns look at the written form only for words without a lemma.
        #expect(!TokenPattern(parsing: "*netti*")!.matches(TokenForms(lemmas: ["vähentää"], surface: "vähennettiin")))
        #expect(PhrasePattern(parsing: "väärä + lääke*")?.kind == .cooccurrence)
        #expect(PhrasePattern(parsing: "ei tarvi* odottaa")?.elements.count == 3)
    }
}

import PalauteText
