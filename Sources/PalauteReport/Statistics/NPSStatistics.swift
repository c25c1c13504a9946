import PalauteClassify
import PalauteStore

/// Net Promoter Score of a set of 0–10 scores, with the uncertainty a manager needs to read it honestly.
///
/// A ward with twelve answers a month moves by thirty points on chance alone, so every NPS palaute shows comes with
/// its 95 % margin of error and a small-sample warning. Standard error (in NPS points) =
/// 100·√((p + d − (p − d)²) / n), p and d the promoter and detractor shares; margin = 1.96·SE.
public struct NPSStatistics: Sendable, Hashable, Codable {
    /// Below this many scored responses the NPS is marked as a small sample (documented in docs/reporting.md).
    public static let smallSampleThreshold = PalauteDatabase.smallSampleThreshold
    /// z for a two-sided 95 % interval.
    public static let z95 = 1.96

    public var promoters: Int
    public var passives: Int
    public var detractors: Int

    public init(promoters: Int = 0, passives: Int = 0, detractors: Int = 0) {
        self.promoters = promoters
        self.passives = passives
        self.detractors = detractors
    }

    /// Counts the scores; a missing or out-of-range score does not count.
    public init(scores: some Sequence<Int?>) {
        self.init()
        for s in scores { add(score: s) }
    }

    public mutating func add(score: Int?) {
        switch NPSCategory(score: score) {
        case .promoter: promoters += 1
        case .passive: passives += 1
        case .detractor: detractors += 1
        case nil: break
        }
    }

    public mutating func add(_ other: NPSStatistics) {
        promoters += other.promoters
        passives += other.passives
        detractors += other.detractors
    }

    /// These counts minus a subset of them (e.g. all responses minus those that criticise a topic).
    public func removing(_ subset: NPSStatistics) -> NPSStatistics {
        NPSStatistics(
            promoters: promoters - subset.promoters, passives: passives - subset.passives,
            detractors: detractors - subset.detractors)
    }

    /// Scored responses.
    public var n: Int { promoters + passives + detractors }

    public var promoterShare: Double? { n > 0 ? Double(promoters) / Double(n) : nil }
    public var passiveShare: Double? { n > 0 ? Double(passives) / Double(n) : nil }
    public var detractorShare: Double? { n > 0 ? Double(detractors) / Double(n) : nil }

    /// −100…100; nil without scored responses.
    public var nps: Double? {
        guard let p = promoterShare, let d = detractorShare else { return nil }
        return 100 * (p - d)
    }

    /// In NPS points; zero when every response is in one category (n = 1, all promoters).
    public var standardError: Double? {
        guard let p = promoterShare, let d = detractorShare else { return nil }
        let variance = max(0, p + d - (p - d) * (p - d))
        return 100 * (variance / Double(n)).squareRoot()
    }

    /// Half-width of the 95 % confidence interval, in NPS points.
    public var margin95: Double? { standardError.map { Self.z95 * $0 } }

    /// The 95 % interval, not clamped (clamp to −100…100 only for drawing).
    public var interval95: ClosedRange<Double>? {
        guard let nps, let m = margin95 else { return nil }
        return (nps - m)...(nps + m)
    }

    /// True below `smallSampleThreshold` scored responses (also for n = 0).
    public var isSmallSample: Bool { n < Self.smallSampleThreshold }
}
