/// Tells Finnish, Swedish and English answers apart, down to one-word answers ("Tack!", "Thanks", "Kiitos!").
///
/// Finnish evidence is Voikko's recognition of a word (or a hit in the colloquial table); Swedish and English
/// evidence is a small list of frequent and feedback words, plus letter cues for words no list knows ("å",
/// English "th"/"w", Swedish endings). A text with no evidence either way is Finnish: the surveys are Finnish.
public struct LanguageIdentifier: Sendable {
    public init() {}

    /// Evidence one word gives; computed once per surface form and cached by `TextAnalyzer`.
    public struct WordEvidence: Sendable, Hashable {
        public var fi: Float
        public var sv: Float
        public var en: Float
    }

    /// Evidence of one lower-cased word, given whether Voikko (or the colloquial table) recognises it as Finnish.
    public func evidence(lowercased w: String, finnish: Bool) -> WordEvidence {
        let sv = Self.swedish.contains(w)
        let en = Self.english.contains(w)
        if sv || en {
            // Words shared with Finnish ("on", "men", "vi", "alla") count for both, but less.
            // Single letters ("a", "i") are weak evidence: initials, list markers, typos.
            let weight: Float = w.unicodeScalars.count == 1 ? 0.3 : finnish ? 0.5 : 1
            return WordEvidence(fi: finnish ? 0.5 : 0, sv: sv ? weight : 0, en: en ? weight : 0)
        }
        if finnish { return WordEvidence(fi: 1, sv: 0, en: 0) }
        return letterCues(w)
    }

    /// The language of a text from the evidence of its words; ties and silence go to Finnish.
    public func identify(_ words: [WordEvidence]) -> Language {
        var fi: Float = 0, sv: Float = 0, en: Float = 0
        for e in words {
            fi += e.fi
            sv += e.sv
            en += e.en
        }
        if sv > fi, sv >= en, sv >= 0.5 { return .sv }
        if en > fi, en > sv, en >= 0.5 { return .en }
        return .fi
    }

    /// Cues for words in no list and unknown to Voikko: typos, slang, rare words.
    func letterCues(_ w: String) -> WordEvidence {
        var e = WordEvidence(fi: 0, sv: 0, en: 0)
        let scalars = Array(w.unicodeScalars)
        guard scalars.count >= 3 else { return e }
        var prev: UInt32 = 0
        var doubleVowel = false
        for s in scalars {
            switch s.value {
            case 0xE5: e.sv += 0.8  // å
            case 0x77: e.en += 0.3  // w
            case 0x68 where prev == 0x74: e.en += 0.3  // th
            case 0x63 where prev != 0x73: e.en += 0.1  // c (not Swedish "sk")
            default: break
            }
            if s.value == prev, "aeiouyäö".unicodeScalars.contains(s) { doubleVowel = true }
            prev = s.value
        }
        if doubleVowel { e.fi += 0.3 }
        for suffix in ["ing", "tion", "ly", "ed", "ness"] where w.hasSuffix(suffix) { e.en += 0.4 }
        for suffix in ["het", "ning", "lig", "ligt", "arna", "erna", "orna", "ade"] where w.hasSuffix(suffix) { e.sv += 0.4 }
        for suffix in ["ssa", "ssä", "sta", "stä", "lla", "llä", "lta", "ltä", "kin", "kaan", "kään", "nen", "ttä"]
        where w.hasSuffix(suffix) {
            e.fi += 0.4
        }
        return e
    }

    /// Frequent Swedish words and words of healthcare feedback.
    static let swedish: Set<String> = [
        "och", "att", "det", "är", "jag", "inte", "ett", "som", "på", "med", "för", "av", "till", "var", "vi", "har",
        "kan", "mycket", "bra", "tack", "hej", "fick", "allt", "också", "men", "så", "om", "nej", "ja", "tid", "god",
        "gott", "bästa", "alltid", "aldrig", "ej", "inget", "ingen", "inga", "icke", "mig", "mitt", "min", "du",
        "dig", "ni", "er", "han", "hon", "de", "dem", "den", "detta", "här", "där", "när", "hur", "vad", "vem",
        "eller", "från", "över", "under", "efter", "innan", "utan", "mot", "vid", "hos", "sig", "sin", "sina",
        "skulle", "kunde", "ville", "måste", "vara", "blev", "bli", "gick", "kom", "tog", "fanns", "finns", "lite",
        "mer", "mest", "fast", "dock", "ändå", "eftersom", "läkare", "läkaren", "sjukskötare", "skötare",
        "sjuksköterska", "sjuksköterskan", "vård", "vården", "bemötande", "trevlig", "trevliga", "snabb", "snabbt",
        "väntetid", "väntetiden", "lång", "långt", "dålig", "dåligt", "sjukhus", "mottagning", "mottagningen",
        "personal", "personalen", "tandläkare", "tandläkaren", "svenska", "svenskt", "tiden", "dagar", "dag", "vecka",
        "kunnig", "vänlig", "vänliga", "jättebra", "toppen", "fint", "fin", "tycker", "känns", "kändes", "gärna",
        "tyvärr", "hela", "alla", "något", "några", "ont", "receptet", "recept", "remiss", "ring", "ringde", "boka",
        "bokade", "tider", "svårt", "lätt", "dyrt", "billigt", "nöjd", "missnöjd", "tackar", "smidigt", "lyssnade",
        "fråga", "frågor", "svar", "provsvar", "hemsida", "väldigt", "verkligen", "bara", "redan", "sedan", "igen",
        "hjälp", "hjälpte", "hjälpsam",
    ]

    /// Frequent English words and words of healthcare feedback.
    static let english: Set<String> = [
        "the", "and", "to", "of", "a", "is", "was", "i", "my", "me", "very", "good", "thanks", "thank", "you",
        "great", "nice", "doctor", "nurse", "staff", "not", "but", "it", "for", "with", "wait", "waiting", "waited",
        "time", "bad", "excellent", "friendly", "helpful", "service", "appointment", "in", "on", "at", "this", "that",
        "be", "have", "had", "has", "are", "were", "no", "yes", "so", "too", "all", "we", "they", "he", "she", "his",
        "her", "our", "your", "what", "when", "why", "how", "who", "would", "could", "should", "will", "can", "did",
        "do", "does", "don't", "didn't", "wasn't", "couldn't", "can't", "won't", "never", "nobody", "nothing",
        "again", "visit", "clinic", "hospital", "english", "please", "quick", "easy", "long", "slow", "rude", "kind",
        "professional", "expensive", "cheap", "price", "parking", "app", "online", "book", "booking", "results",
        "explained", "listened", "told", "got", "get", "from", "there", "here", "about", "an", "or", "if", "just",
        "only", "more", "less", "than", "after", "before", "minutes", "hours", "hour", "day", "days", "week",
        "everything", "well", "really", "much", "experience", "happy", "satisfied", "maybe", "add", "contact", "asap",
        "because", "however", "although", "by", "some", "any",
        "complaint", "complain", "file", "report", "receptionist", "prescription", "referral", "test", "tests",
        "blood", "pain", "care", "seem", "seemed", "felt", "feel", "took", "made", "gave", "went", "came", "lovely",
        "amazing", "terrible", "awful", "horrible", "worst", "best", "recommend", "unfriendly", "call", "called",
        "phone", "queue", "late", "him", "them", "us", "their", "its", "been", "being", "which", "where", "while",
    ]
}
