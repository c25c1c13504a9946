/// Splits UTF-8 text into tokens that keep Unicode scalar offsets into the original.
///
/// Works on an array of Unicode scalars with plain comparisons (no regexes, no `Character` walks), because it
/// runs on every response of a nightly batch. Rules are documented in docs/text-analysis.md.
public struct Tokenizer: Sendable {
    public init() {}

    /// Tokens of `text`, in order; whitespace is not a token.
    public func tokenize(_ text: String) -> [Token] {
        scan(Source(text)).tokens
    }

    /// The text as scalars (for offsets) and UTF-8 bytes with each scalar's byte offset (to cut token strings
    /// with one copy instead of scalar by scalar).
    struct Source {
        var scalars: [Unicode.Scalar]
        var bytes: [UInt8]
        /// Byte offset of scalar i; one extra entry for the end.
        var byteOffsets: [Int32]

        init(_ text: String) {
            var scalars: [Unicode.Scalar] = []
            var offsets: [Int32] = []
            scalars.reserveCapacity(text.utf8.count)
            offsets.reserveCapacity(text.utf8.count + 1)
            var b: Int32 = 0
            for s in text.unicodeScalars {
                scalars.append(s)
                offsets.append(b)
                b += Int32(UTF8.width(s))
            }
            offsets.append(b)
            self.scalars = scalars
            self.byteOffsets = offsets
            self.bytes = Array(text.utf8)
        }

        func string(_ start: Int, _ end: Int) -> String {
            bytes.withUnsafeBufferPointer { buf in
                String(decoding: UnsafeBufferPointer(rebasing: buf[Int(byteOffsets[start])..<Int(byteOffsets[end])]),
                       as: UTF8.self)
            }
        }
    }

    /// Tokens plus, for each token, whether a line break precedes it (a sentence boundary in SMS answers).
    struct Scan {
        var tokens: [Token] = []
        var lineBreakBefore: [Bool] = []
    }

    func scan(_ s: [Unicode.Scalar]) -> Scan {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: s)
        return scan(Source(String(view)))
    }

    func scan(_ source: Source) -> Scan {
        let s = source.scalars
        var out = Scan()
        out.tokens.reserveCapacity(s.count / 4)
        var i = 0
        var sawBreak = false
        let n = s.count
        func emit(_ kind: TokenKind, _ start: Int, _ end: Int) {
            out.tokens.append(Token(kind: kind, text: source.string(start, end), range: start..<end))
            out.lineBreakBefore.append(sawBreak)
            sawBreak = false
        }
        while i < n {
            let c = s[i]
            let v = c.value
            if Self.isSpace(c) {
                if v == 0x0A || v == 0x0D || v == 0x2028 || v == 0x2029 || v == 0x85 { sawBreak = true }
                i += 1
                continue
            }
            if let end = urlEnd(s, i) {
                emit(.url, i, end)
                i = end
                continue
            }
            if Self.isWordChar(c), let end = emailEnd(s, i) {
                emit(.email, i, end)
                i = end
                continue
            }
            if let end = emoticonEnd(s, i) {
                emit(.emoticon, i, end)
                i = end
                continue
            }
            if let end = emojiEnd(s, i) {
                emit(.emoji, i, end)
                i = end
                continue
            }
            if Self.isDigit(v) {
                let (kind, end) = number(s, i, previous: out.tokens.last)
                emit(kind, i, end)
                i = end
                continue
            }
            if Self.isLetter(c) {
                let end = wordEnd(s, i)
                emit(.word, i, end)
                i = end
                continue
            }
            // Punctuation: a run of sentence marks ("!!!", "?!", "...") is one token.
            if Self.isSentenceMark(v) {
                var end = i + 1
                while end < n, Self.isSentenceMark(s[end].value), s[end].value != 0x3B { end += 1 }
                emit(.punctuation, i, end)
                i = end
                continue
            }
            let kind: TokenKind = switch c.properties.generalCategory {
            case .mathSymbol, .currencySymbol, .otherSymbol, .modifierSymbol: .symbol
            default: .punctuation
            }
            emit(kind, i, i + 1)
            i += 1
        }
        return out
    }

    // MARK: - Character classes

    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v == 0x20 || (v >= 0x09 && v <= 0x0D) { return true }
        if v < 0x80 { return false }
        return c.properties.isWhitespace || v == 0xFEFF
    }

    static func isDigit(_ v: UInt32) -> Bool { v >= 0x30 && v <= 0x39 }

    static func isLetter(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) }
        if v == 0xD7 || v == 0xF7 { return false }
        if v < 0x250 { return v >= 0xC0 }
        return c.properties.isAlphabetic && !c.properties.isEmojiPresentation
    }

    static func isWordChar(_ c: Unicode.Scalar) -> Bool { isLetter(c) || isDigit(c.value) }

    /// ".", "!", "?", ";", "…"
    static func isSentenceMark(_ v: UInt32) -> Bool {
        v == 0x2E || v == 0x21 || v == 0x3F || v == 0x3B || v == 0x2026
    }

    // MARK: - Words

    /// Letters and digits, joined across an inner hyphen ("E-resepti", "ajanvaraus-järjestelmä"), an apostrophe
    /// ("don't") or a colon before an inflection ending ("HUS:n", "EU:ssa").
    func wordEnd(_ s: [Unicode.Scalar], _ start: Int) -> Int {
        var i = start + 1
        let n = s.count
        while i < n {
            let c = s[i]
            if Self.isWordChar(c) || c.value == 0xAD {
                i += 1
            } else if (c.value == 0x2D || c.value == 0x2010 || c.value == 0x27 || c.value == 0x2019), i + 1 < n,
                      Self.isWordChar(s[i + 1]) {
                i += 2
            } else if c.value == 0x3A, i + 1 < n, Self.isLetter(s[i + 1]) {
                // "HUS:n", "EU:ssa": at most four lower-case letters after the colon.
                var j = i + 1
                while j < n, Self.isLetter(s[j]), j - i <= 5 { j += 1 }
                if j - i - 1 <= 4, j == n || !Self.isLetter(s[j]), s[i + 1].properties.isLowercase {
                    i = j
                } else {
                    break
                }
            } else {
                break
            }
        }
        return i
    }

    // MARK: - Numbers, times, dates

    func number(_ s: [Unicode.Scalar], _ start: Int, previous: Token?) -> (TokenKind, Int) {
        let n = s.count
        var groups: [(Int, Int)] = []  // digit runs
        var seps: [UInt32] = []
        var i = start
        while true {
            let g = i
            while i < n, Self.isDigit(s[i].value) { i += 1 }
            groups.append((g, i))
            if i + 1 < n, [0x2E, 0x3A, 0x2C, 0x2F].contains(s[i].value), Self.isDigit(s[i + 1].value),
               groups.count < 3 {
                seps.append(s[i].value)
                i += 1
            } else {
                break
            }
        }
        // Digits followed by letters or "-letters": a word ("3-vuotias", "24h", "covid19").
        if i < n, Self.isLetter(s[i]) || ((s[i].value == 0x2D) && i + 1 < n && Self.isLetter(s[i + 1])) {
            return (.word, wordEnd(s, start))
        }
        let lens = groups.map { $0.1 - $0.0 }
        func value(_ k: Int) -> Int {
            var x = 0
            for j in groups[k].0..<groups[k].1 { x = x * 10 + Int(s[j].value - 0x30) }
            return x
        }
        let afterDot = i < n && s[i].value == 0x2E
        let prev = previous.map { $0.text.lowercased() }
        let afterClock = prev == "klo" || prev == "kello" || prev == "kl"
        if afterClock, seps.count == 1, seps[0] == 0x3A || seps[0] == 0x2E, lens[0] <= 2, lens[1] == 2,
           value(0) <= 24, value(1) < 60 {
            return (.time, i)
        }
        // Dates: "3.2.", "12.5.2026", "12.5.26", "3/2".
        if seps.count == 1, seps[0] == 0x2E, lens[0] <= 2, lens[1] <= 2, afterDot,
           (1...31).contains(value(0)), (1...12).contains(value(1)) {
            var end = i + 1
            // "12.5.2026": the year after the second dot.
            if end < n, Self.isDigit(s[end].value) {
                var j = end
                while j < n, Self.isDigit(s[j].value) { j += 1 }
                if j - end == 2 || j - end == 4 { end = j }
            }
            return (.date, end)
        }
        if seps.count == 2, seps[0] == 0x2E, seps[1] == 0x2E, lens[0] <= 2, lens[1] <= 2, lens[2] == 2 || lens[2] == 4,
           (1...31).contains(value(0)), (1...12).contains(value(1)) {
            return (.date, i)
        }
        if seps.count == 1, seps[0] == 0x2F, lens[0] <= 2, lens[1] <= 2, (1...31).contains(value(0)),
           (1...12).contains(value(1)) {
            return (.date, i)
        }
        // ISO dates "2026-05-12".
        if seps.isEmpty, lens[0] == 4, i + 5 < n, s[i].value == 0x2D, Self.isDigit(s[i + 1].value),
           Self.isDigit(s[i + 2].value), s[i + 3].value == 0x2D, Self.isDigit(s[i + 4].value),
           Self.isDigit(s[i + 5].value), i + 6 == n || !Self.isDigit(s[i + 6].value) {
            return (.date, i + 6)
        }
        // Times: "14:30", "klo 14.30", "kello 9.05".
        if seps.count == 1, seps[0] == 0x3A || seps[0] == 0x2E, lens[0] <= 2, lens[1] == 2, value(0) <= 24,
           value(1) < 60 {
            if seps[0] == 0x3A || prev == "at" {
                return (.time, i)
            }
        }
        // A bare hour after "klo": "klo 9".
        if seps.isEmpty, lens[0] <= 2, value(0) <= 24, afterClock {
            return (.time, i)
        }
        // Ordinals "3. kerta": the dot belongs to the number when a lower-case word follows.
        if afterDot, seps.isEmpty, lens[0] <= 3 {
            var j = i + 1
            while j < n, s[j].value == 0x20 { j += 1 }
            if j > i + 1, j < n, s[j].properties.isLowercase { return (.number, i + 1) }
        }
        return (.number, i)
    }

    // MARK: - URLs and e-mail

    func urlEnd(_ s: [Unicode.Scalar], _ i: Int) -> Int? {
        let c = s[i].value
        guard c == 0x68 || c == 0x48 || c == 0x77 || c == 0x57 else { return nil }  // h, H, w, W
        if i > 0, Self.isWordChar(s[i - 1]) { return nil }
        let prefixes = ["https://", "http://", "www."]
        var matched = false
        for p in prefixes where matches(s, i, p) {
            matched = true
            break
        }
        guard matched else { return nil }
        var j = i
        while j < s.count, !Self.isSpace(s[j]), s[j].value != 0x22, s[j].value != 0x3C, s[j].value != 0x3E { j += 1 }
        // Trailing sentence punctuation is not part of the address.
        while j > i, [0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x29, 0x27].contains(s[j - 1].value) { j -= 1 }
        return j > i + 4 ? j : nil
    }

    func matches(_ s: [Unicode.Scalar], _ i: Int, _ p: String) -> Bool {
        var j = i
        for u in p.unicodeScalars {
            guard j < s.count else { return false }
            var v = s[j].value
            if v >= 0x41 && v <= 0x5A { v += 0x20 }
            if v != u.value { return false }
            j += 1
        }
        return true
    }

    static func isLocalPartChar(_ c: Unicode.Scalar) -> Bool {
        isWordChar(c) || c.value == 0x2E || c.value == 0x5F || c.value == 0x25 || c.value == 0x2B || c.value == 0x2D
    }

    func emailEnd(_ s: [Unicode.Scalar], _ i: Int) -> Int? {
        var j = i
        let n = s.count
        while j < n, Self.isLocalPartChar(s[j]) { j += 1 }
        guard j < n, s[j].value == 0x40, j > i else { return nil }
        var k = j + 1
        var lastDot = -1
        while k < n, Self.isWordChar(s[k]) || s[k].value == 0x2D || (s[k].value == 0x2E && k + 1 < n && Self.isWordChar(s[k + 1])) {
            if s[k].value == 0x2E { lastDot = k }
            k += 1
        }
        guard lastDot > j + 1, k - lastDot >= 3 else { return nil }
        for t in (lastDot + 1)..<k where !Self.isLetter(s[t]) { return nil }
        return k
    }

    // MARK: - Emoticons and emoji

    private static let emoticons: [String] = [
        ":-)", ":-(", ":-D", ":-P", ":-p", ":-/", ":-|", ":-O", ":-o", ";-)", ";-D", ":'(", ":')", "</3",
        ":)", ":(", ":D", ":P", ":p", ":/", ":|", ":O", ":o", ";)", ";D", "<3", "=)", "=(", "=D", ":]", ":[",
        "xD", "XD", "xd", "^^", "^_^", "-_-", "T_T",
    ]
    private static let emoticonsByFirst: [UInt32: [[UInt32]]] = {
        var d: [UInt32: [[UInt32]]] = [:]
        for e in emoticons.sorted(by: { $0.unicodeScalars.count > $1.unicodeScalars.count }) {
            let vs = e.unicodeScalars.map(\.value)
            d[vs[0], default: []].append(vs)
        }
        return d
    }()

    func emoticonEnd(_ s: [Unicode.Scalar], _ i: Int) -> Int? {
        guard let candidates = Self.emoticonsByFirst[s[i].value] else { return nil }
        let n = s.count
        for e in candidates {
            guard i + e.count <= n else { continue }
            var ok = true
            for (k, v) in e.enumerated() where s[i + k].value != v {
                ok = false
                break
            }
            guard ok else { continue }
            var end = i + e.count
            let first = s[i]
            let last = e[e.count - 1]
            // Letter emoticons ("xD", ":D", ":P") must stand alone: not "xDD-vitamiini" or "klo:Den".
            if Self.isLetter(first), i > 0, Self.isWordChar(s[i - 1]) { continue }
            if let l = Unicode.Scalar(last), Self.isLetter(l) || Self.isDigit(last) {
                if end < n, Self.isWordChar(s[end]), s[end].value != last { continue }
            }
            // ":/" in "http://" is a URL, handled before; a ":" after a word ("Huom:") followed by "(" is not a face
            // when a letter follows the bracket ("Huom:(lisätieto)").
            if (last == 0x28 || last == 0x29), end < n, Self.isLetter(s[end]), e.count == 2 { continue }
            // Repeated mouths ":)))", ":DDD", "<333".
            while end < n, s[end].value == last, last != 0x2F { end += 1 }
            return end
        }
        return nil
    }

    static func isEmojiBase(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x00A9 { return false }
        if v >= 0x1F1E6 && v <= 0x1F1FF { return true }  // regional indicators
        if v >= 0x1F000 { return c.properties.isEmoji }
        if v == 0x00A9 || v == 0x00AE { return false }
        return c.properties.isEmojiPresentation || (v >= 0x2190 && c.properties.isEmoji)
    }

    /// One emoji with its modifiers: skin tones, variation selectors, keycaps, tag sequences, flags (two regional
    /// indicators) and zero-width-joiner sequences ("👩‍⚕️", "👍🏽", "🇫🇮").
    func emojiEnd(_ s: [Unicode.Scalar], _ i: Int) -> Int? {
        guard Self.isEmojiBase(s[i]) else { return nil }
        let n = s.count
        var j = i + 1
        if s[i].value >= 0x1F1E6 && s[i].value <= 0x1F1FF {
            if j < n, s[j].value >= 0x1F1E6 && s[j].value <= 0x1F1FF { j += 1 }
            return j
        }
        while j < n {
            let v = s[j].value
            if (v >= 0x1F3FB && v <= 0x1F3FF) || v == 0xFE0F || v == 0xFE0E || v == 0x20E3 || (v >= 0xE0020 && v <= 0xE007F) {
                j += 1
            } else if v == 0x200D, j + 1 < n, Self.isEmojiBase(s[j + 1]) {
                j += 2
            } else {
                break
            }
        }
        return j
    }
}
