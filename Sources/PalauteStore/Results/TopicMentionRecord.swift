import Foundation
import GRDB

/// One topic with one label (praise, criticism, suggestion) in a result.
public struct TopicMentionRecord: Codable, Sendable, Hashable, Identifiable {
    public var id: Int64?
    public var resultID: Int64
    /// A topic id of the label contract, e.g. `waiting`.
    public var topic: String
    /// `praise`, `criticism` or `suggestion`.
    public var label: String
    /// `lexicon` or `llm`.
    public var provenance: String
    /// The LLM model, when `provenance == "llm"`.
    public var model: String?

    public init(
        id: Int64? = nil, resultID: Int64, topic: String, label: String, provenance: String = "lexicon",
        model: String? = nil
    ) {
        self.id = id
        self.resultID = resultID
        self.topic = topic
        self.label = label
        self.provenance = provenance
        self.model = model
    }

    public enum CodingKeys: String, CodingKey, ColumnExpression {
        case id
        case resultID = "result_id"
        case topic, label, provenance, model
    }
    public typealias Columns = CodingKeys
}

extension TopicMentionRecord: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "topic_mention"
    public static let result = belongsTo(ResultRecord.self)
    public static let evidence = hasMany(EvidenceRecord.self)
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
