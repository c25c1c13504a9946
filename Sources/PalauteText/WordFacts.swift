/// What the analyzer needs to know about a surface form beyond its readings, worked out once per distinct form
/// and cached, so that segmentation, disambiguation and name redaction do no string work per token.
struct WordFacts: Sendable {
    /// Capitalised and not all capitals: could be a name.
    var mayBeName = false
    /// A title word such as "hoitaja", "tri", "Dr".
    var isTitle = false
    var isClauseWord = false
    var isCommaClauseWord = false
    var isAbbreviation = false
    var hasPersonalName = false
    var hasPlaceName = false
    var hasCommonReading = false
    var hasPlaceInLocalCase = false
    var hasVerbReading = false
    var hasFiniteThirdPerson = false
    /// More than one reading and one of them a name or an imperative: the order depends on context.
    var needsContextOrder = false
    /// For hyphenated words: scalar length of a leading first name or surname ("Hanna-hoitajalle" → 5).
    var leadingNameLength = 0

    init() {}

    /// Capitalised and not all capitals ("HUS", "OK" are abbreviations).
    static func mayBeName(_ word: String) -> Bool {
        let s = word.unicodeScalars
        guard let first = s.first, first.properties.isUppercase, s.count >= 2 else { return false }
        return s.dropFirst().contains { $0.properties.isLowercase }
    }

    /// - Parameters:
    ///   - surface: the token as written; `normalized` the lexicon form; `readings` Finnish readings.
    ///   - voikko: used for the first part of a hyphenated capitalised word.
    init(surface: String, normalized: String, readings: [MorphAnalysis], voikko: Voikko?) {
        let lower = surface.lowercased()
        let scalars = surface.unicodeScalars
        mayBeName = Self.mayBeName(surface)
        isTitle = TextAnalyzer.titleWords.contains(lower) || TextAnalyzer.titleWords.contains(normalized)
        isClauseWord = TextAnalyzer.clauseWords.contains(lower) || TextAnalyzer.clauseWords.contains(normalized)
        isCommaClauseWord = TextAnalyzer.commaClauseWords.contains(lower)
            || TextAnalyzer.commaClauseWords.contains(normalized)
        isAbbreviation = TextAnalyzer.abbreviations.contains(lower)
        for r in readings {
            switch r.wordClass {
            case .firstName, .lastName: hasPersonalName = true
            case .placeName: hasPlaceName = true
            case .properName: break
            default: hasCommonReading = true
            }
            if r.wordClass == .placeName,
               [.inessive, .elative, .illative, .adessive, .ablative, .allative].contains(r.grammaticalCase) {
                hasPlaceInLocalCase = true
            }
            if r.wordClass == .verb {
                hasVerbReading = true
                if r.mood == .indicative, r.person == 3 { hasFiniteThirdPerson = true }
            }
        }
        needsContextOrder = readings.count > 1 && readings.contains { $0.isProperName || $0.mood == .imperative || $0.mood == .infinitive }
        if mayBeName, let dash = scalars.firstIndex(of: "-"), let voikko {
            let head = String(scalars[..<dash])
            let headReadings = voikko.analyze(head)
            if headReadings.contains(where: { $0.wordClass == .firstName || $0.wordClass == .lastName }),
               !headReadings.contains(where: { $0.wordClass == .placeName }) {
                leadingNameLength = scalars.distance(from: scalars.startIndex, to: dash)
            }
        }
    }
}

/// A string key hashed and compared by its UTF-8 bytes. Swift's own `String` hashing normalises non-ASCII text
/// (every "ä") to NFC on each call, which dominated the warm-cache profile.
struct ByteKey: Hashable {
    let string: String

    init(_ s: String) {
        var s = s
        s.makeContiguousUTF8()
        string = s
    }

    func hash(into hasher: inout Hasher) {
        let done: Void? = string.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        if done == nil { for b in string.utf8 { hasher.combine(b) } }
    }

    static func == (a: ByteKey, b: ByteKey) -> Bool {
        a.string.utf8.count == b.string.utf8.count && a.string.utf8.elementsEqual(b.string.utf8)
    }
}
