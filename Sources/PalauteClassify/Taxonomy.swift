// The label contract of ../shared/taxonomy.md as types. Every other module speaks in these ids,
// so a typo in a topic name is a compile error rather than a silently empty dashboard column.

/// A topic id of the label contract.
public enum Topic: String, CaseIterable, Codable, Sendable, Comparable {
    case waiting
    case access
    case staffManner = "staff_manner"
    case competence
    case communication
    case consultationTime = "consultation_time"
    case price
    case facilities
    case location
    case digital
    case labImaging = "lab_imaging"
    case medication
    case continuity
    case language
    case overall

    /// The Finnish name managers see in reports.
    public var finnishName: String {
        switch self {
        case .waiting: "Odotus ja jonotus"
        case .access: "Hoitoon pääsy ja ajanvaraus"
        case .staffManner: "Kohtelu ja ystävällisyys"
        case .competence: "Ammattitaito ja hoidon laatu"
        case .communication: "Tiedonkulku ja ohjeet"
        case .consultationTime: "Vastaanottoaika ja kiire"
        case .price: "Hinta ja laskutus"
        case .facilities: "Tilat ja siisteys"
        case .location: "Sijainti ja pysäköinti"
        case .digital: "Digipalvelut"
        case .labImaging: "Laboratorio ja kuvantaminen"
        case .medication: "Lääkitys ja reseptit"
        case .continuity: "Jatkohoito ja lähetteet"
        case .language: "Kieli ja tulkkaus"
        case .overall: "Yleinen"
        }
    }

    public static func < (lhs: Topic, rhs: Topic) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// What a topic mention says of its topic.
public enum MentionLabel: String, CaseIterable, Codable, Sendable, Comparable {
    case praise, criticism, suggestion

    /// The Finnish word of the "ruusuja ja risuja" tradition.
    public var finnishName: String {
        switch self {
        case .praise: "ruusu"
        case .criticism: "risu"
        case .suggestion: "kehitysehdotus"
        }
    }

    public static func < (lhs: MentionLabel, rhs: MentionLabel) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A topic together with its label: the unit the classifier is scored on.
public struct TopicLabel: Hashable, Codable, Sendable, Comparable {
    public var topic: Topic
    public var label: MentionLabel

    public init(topic: Topic, label: MentionLabel) {
        self.topic = topic
        self.label = label
    }

    public static func < (lhs: TopicLabel, rhs: TopicLabel) -> Bool {
        (lhs.topic, lhs.label) < (rhs.topic, rhs.label)
    }
}

/// Comment-level sentiment; follows the labels (convention 9).
public enum Sentiment: String, CaseIterable, Codable, Sendable {
    case positive, negative, neutral, mixed

    /// Convention 9 of the contract: sentiment is derived from the labels.
    public init(labels: some Sequence<TopicLabel>) {
        var praise = false
        var criticism = false
        for l in labels {
            if l.label == .praise { praise = true }
            if l.label == .criticism { criticism = true }
        }
        switch (praise, criticism) {
        case (true, true): self = .mixed
        case (true, false): self = .positive
        case (false, true): self = .negative
        case (false, false): self = .neutral
        }
    }
}

/// Flags that send a response to follow-up whatever its score.
public enum Flag: String, CaseIterable, Codable, Sendable, Comparable {
    case safety
    case contactRequest = "contact_request"
    case formalComplaint = "formal_complaint"

    public static func < (lhs: Flag, rhs: Flag) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// NPS category, from the 0–10 score alone.
public enum NPSCategory: String, CaseIterable, Codable, Sendable {
    case promoter, passive, detractor

    /// `nil` for a missing or out-of-range score: such a response has no NPS category.
    public init?(score: Int?) {
        guard let score, (0...10).contains(score) else { return nil }
        switch score {
        case 9...10: self = .promoter
        case 7...8: self = .passive
        default: self = .detractor
        }
    }
}

/// The follow-up rule of the contract, in one place so that the classifier, the LLM merge and
/// the nightly queue cannot disagree about it.
public enum FollowUpRule {
    /// Every detractor with a comment that criticises something, and every flagged response.
    public static func applies(score: Int?, topics: some Sequence<TopicLabel>, flags: some Collection<Flag>) -> Bool {
        if !flags.isEmpty { return true }
        guard NPSCategory(score: score) == .detractor else { return false }
        return topics.contains { $0.label == .criticism }
    }
}
