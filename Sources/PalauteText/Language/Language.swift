/// The languages palaute reads. Finnish gets full morphology; Swedish and English a light analysis.
public enum Language: String, CaseIterable, Codable, Sendable {
    case fi, sv, en
}
