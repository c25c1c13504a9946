/// Finds personal data in a response and replaces it with typed placeholders ([HETU], [PUHELIN], [EMAIL], [NIMI]).
///
/// Usable on its own for exports (`Redactor().redact(text)`) and used by `TextAnalyzer`, which passes its
/// analysed tokens so names are judged with the same Voikko readings. Holds a Voikko handle: one per worker.
/// Rules are documented in docs/text-analysis.md.
public final class Redactor {
    private let voikko: Voikko?
    private let tokenizer = Tokenizer()

    /// - Parameter voikko: the handle used for names; nil opens one. If libvoikko cannot be opened, identity
    ///   codes, phone numbers and e-mail are still redacted and a warning says names were not checked.
    public init(voikko: Voikko? = nil) {
        self.voikko = voikko ?? (try? Voikko())
    }

    /// One finding before the text is rewritten.
    struct Finding {
        var kind: PIIKind
        var range: Range<Int>
    }

    /// Redacts a text on its own (tokenizes and reads capitalised words with Voikko).
    public func redact(_ text: String) -> Redaction {
        let source = Tokenizer.Source(text)
        let tokens = tokenizer.scan(source).tokens
        var sentence = 0
        var analysed: [AnalyzedToken] = []
        var facts: [WordFacts?] = []
        analysed.reserveCapacity(tokens.count)
        for t in tokens {
            var f: WordFacts?
            if t.kind == .word {
                let lower = t.text.lowercased()
                let readings = voikko.map { v in WordFacts.mayBeName(t.text) ? v.analyze(t.text) : [] } ?? []
                f = WordFacts(surface: t.text, normalized: lower, readings: readings, voikko: voikko)
            }
            facts.append(f)
            analysed.append(AnalyzedToken(token: t, normalized: t.text, analyses: [], sentence: sentence, clause: sentence))
            if t.kind == .punctuation, t.text.unicodeScalars.contains(where: { Tokenizer.isSentenceMark($0.value) }) {
                sentence += 1
            }
        }
        var r = redact(text: text, scalars: source.scalars, tokens: analysed, facts: facts)
        if voikko == nil { r.warnings.append("libvoikko is not available: personal names were not checked") }
        return r
    }

    /// Redacts using tokens already analysed: sentence numbers and per-form facts are reused for names.
    func redact(text: String, scalars: [Unicode.Scalar], tokens: [AnalyzedToken], facts: [WordFacts?]) -> Redaction {
        var findings: [Finding] = []
        var warnings: [String] = []
        var hasDigit = false
        for s in scalars where s.value >= 0x30 && s.value <= 0x39 {
            hasDigit = true
            break
        }
        if hasDigit {
            findHETU(scalars, &findings, &warnings)
            findPhones(scalars, &findings)
        }
        for t in tokens where t.token.kind == .email { findings.append(Finding(kind: .email, range: t.token.range)) }
        findNames(tokens, facts, &findings)
        if findings.isEmpty { return Redaction(text: text, warnings: warnings) }
        return Self.apply(findings, to: scalars, warnings: warnings)
    }

    // MARK: - Identity codes

    private func findHETU(_ s: [Unicode.Scalar], _ out: inout [Finding], _ warnings: inout [String]) {
        var i = 0
        while i + 11 <= s.count {
            if (i == 0 || !Tokenizer.isWordChar(s[i - 1])), PersonalIdentityCode.hasShape(s, i),
               i + 11 == s.count || !Tokenizer.isWordChar(s[i + 11]) {
                let century = PersonalIdentityCode.century(s[i + 6]) ?? 1900
                if let problem = PersonalIdentityCode.problem(s, i, century: century) {
                    // Redacted all the same: a mistyped code is still somebody's code.
                    warnings.append("identity-code look-alike at \(i)..<\(i + 11) redacted: \(problem.rawValue)")
                }
                out.append(Finding(kind: .hetu, range: i..<(i + 11)))
                i += 11
                continue
            }
            i += 1
        }
    }

    // MARK: - Phone numbers

    /// Finnish numbers: "+358 40 123 4567", "00358 40 1234567", "040-1234567", "040 123 4567", "09 123 456",
    /// "0401234567", "(09) 123 456". A number starts with "+358", "00358" or a "0" followed by a non-zero digit,
    /// continues in digit groups joined by one space or hyphen, and has 7–12 digits after the leading 0.
    /// Dates, times, decimals, sums and scores never start with "0X" nor join groups with dots, so they are left alone.
    private func findPhones(_ s: [Unicode.Scalar], _ out: inout [Finding]) {
        let n = s.count
        var i = 0
        func isDigit(_ k: Int) -> Bool { k < n && s[k].value >= 0x30 && s[k].value <= 0x39 }
        while i < n {
            let boundary = i == 0 || !(Tokenizer.isWordChar(s[i - 1]) || s[i - 1] == "." || s[i - 1] == "," || s[i - 1] == "+")
            guard boundary else {
                i += 1
                continue
            }
            var j = i
            var national = false
            var paren = false
            if s[i] == "+", i + 4 <= n, s[i + 1] == "3", s[i + 2] == "5", s[i + 3] == "8" {
                j = i + 4
                national = true
            } else if isDigit(i), s[i] == "0", i + 5 <= n, s[i + 1] == "0", s[i + 2] == "3", s[i + 3] == "5", s[i + 4] == "8" {
                j = i + 5
                national = true
            } else if s[i] == "(", isDigit(i + 1), s[i + 1] == "0" {
                paren = true
                j = i + 1
            } else if !(isDigit(i) && s[i] == "0" && isDigit(i + 1) && s[i + 1] != "0") {
                i += 1
                continue
            }
            var digits = 0
            var end = j
            var k = j
            if national {
                // "+358 (0)40 …", "+358 40 …"
                if k < n, s[k] == " " || s[k] == "-" { k += 1 }
                if k + 2 < n, s[k] == "(", s[k + 1] == "0", s[k + 2] == ")" { k += 3 }
                if k < n, s[k] == " " { k += 1 }
                guard isDigit(k), s[k] != "0" else {
                    i += 1
                    continue
                }
            }
            while true {
                guard isDigit(k) else { break }
                while isDigit(k) {
                    digits += 1
                    k += 1
                }
                end = k
                if paren, k < n, s[k] == ")" {
                    paren = false
                    k += 1
                    end = k
                }
                if k + 1 < n, s[k] == " " || s[k] == "-", isDigit(k + 1) {
                    k += 1
                } else {
                    break
                }
            }
            let significant = national ? digits + 1 : digits
            let followedOK = end == n || !(Tokenizer.isWordChar(s[end]) || (s[end] == "," && isDigit(end + 1))
                || (s[end] == "." && isDigit(end + 1)) || s[end] == ":" || s[end] == "€" || s[end] == "%")
            if significant >= 7, significant <= 12, followedOK {
                out.append(Finding(kind: .phone, range: i..<end))
                i = end
            } else {
                i = max(end, i + 1)
            }
        }
    }

    // MARK: - Names

    /// Names via Voikko's name classes with context:
    /// - after a title word ("hoitaja Liisa", "tri Kivi", "Dr Hyvönen", "tohtori Lahti") a capitalised word is a
    ///   name unless it is a place in a local case ("lääkäri Helsingissä");
    /// - inside a sentence, a capitalised word with a first-name or surname reading ("Kiitos Liisalle",
    ///   "lääkärinä oli Kari") is a name, unless a place-name reading in a local case fits ("Mattilassa");
    /// - opening a sentence, a word is a name only when it has no common reading ("Liisa oli ihana"), or when a
    ///   finite third-person verb follows a name/verb ambiguity ("Anna oli ihana" but not "Anna palautetta");
    /// - a capitalised word right after a name is part of it ("Liisa Virtanen", "Matti Meikäläiselle");
    /// - in a hyphenated compound, a leading first name or surname is redacted and the rest kept
    ///   ("[NIMI]-hoitajalle").
    private func findNames(_ tokens: [AnalyzedToken], _ facts: [WordFacts?], _ out: inout [Finding]) {
        var previousWord: Int?
        var previousWasName = false
        for i in tokens.indices {
            guard let f = facts[i] else { continue }
            defer { previousWord = i }
            let t = tokens[i]
            let wasName = previousWasName && previousWord == i - 1
            previousWasName = false
            guard f.mayBeName else { continue }
            if f.leadingNameLength > 0 {
                out.append(Finding(kind: .name, range: t.token.range.lowerBound..<(t.token.range.lowerBound + f.leadingNameLength)))
                continue
            }
            // A title counts only right before the word, in the same sentence ("lääkäri. Olisi…" is no title).
            let afterTitle = previousWord.map { $0 == i - 1 && tokens[$0].sentence == t.sentence && facts[$0]?.isTitle == true } ?? false
            let sentenceStart = previousWord.map { tokens[$0].sentence != t.sentence } ?? true
            let personal = f.hasPersonalName, place = f.hasPlaceName, common = f.hasCommonReading
            var isName = false
            if afterTitle || wasName {
                // "tohtori Lahti", "Matti Meikäläiselle": a capitalised word after a title or a name is a name
                // whatever else it could be, unless it is a place in a local case ("lääkäri Helsingissä").
                isName = !f.hasPlaceInLocalCase
            } else if !sentenceStart {
                isName = personal && !f.hasPlaceInLocalCase
            } else if personal, !place {
                if !common {
                    isName = true
                } else if f.hasVerbReading, let next = nextWord(tokens, facts, after: i), next.hasFiniteThirdPerson {
                    isName = true
                }
            }
            if isName {
                out.append(Finding(kind: .name, range: t.token.range))
                previousWasName = true
            }
        }
    }

    private func nextWord(_ tokens: [AnalyzedToken], _ facts: [WordFacts?], after i: Int) -> WordFacts? {
        var j = i + 1
        while j < tokens.count {
            if let f = facts[j] {
                if f.hasVerbReading || f.hasCommonReading || f.hasPersonalName { return f }
                // Standalone redaction reads only capitalised words: read the next word now.
                guard let voikko else { return f }
                let t = tokens[j].token
                return WordFacts(surface: t.text, normalized: t.text.lowercased(), readings: voikko.analyze(t.text), voikko: nil)
            }
            if tokens[j].token.kind == .punctuation { return nil }
            j += 1
        }
        return nil
    }

    // MARK: - Rewriting

    static func apply(_ findings: [Finding], to s: [Unicode.Scalar], warnings: [String]) -> Redaction {
        // Earliest first; on overlap the longer finding wins (an identity code over a phone number inside it).
        let sorted = findings.sorted {
            ($0.range.lowerBound, -$0.range.count) < ($1.range.lowerBound, -$1.range.count)
        }
        var kept: [Finding] = []
        for f in sorted {
            if let last = kept.last, f.range.lowerBound < last.range.upperBound { continue }
            kept.append(f)
        }
        var out = String.UnicodeScalarView()
        var spans: [RedactedSpan] = []
        var cursor = 0
        var outCount = 0
        for f in kept {
            out.append(contentsOf: s[cursor..<f.range.lowerBound])
            outCount += f.range.lowerBound - cursor
            let placeholder = f.kind.placeholder.unicodeScalars
            out.append(contentsOf: placeholder)
            spans.append(RedactedSpan(kind: f.kind, original: f.range, redacted: outCount..<(outCount + placeholder.count)))
            outCount += placeholder.count
            cursor = f.range.upperBound
        }
        out.append(contentsOf: s[cursor...])
        return Redaction(text: String(out), spans: spans, warnings: warnings)
    }
}
