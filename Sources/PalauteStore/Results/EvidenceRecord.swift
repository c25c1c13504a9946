import Foundation
import GRDB

/// A span of the original comment and the rule that produced a label: why the classifier said what it said.
public struct EvidenceRecord: Codable, Sendable, Hashable, Identifiable {
    public var id: Int64?
    public var resultID: Int64
    /// The topic mention this span supports, when the target is a topic.
    public var mentionID: Int64?
    /// The flag this span supports, when the target is a flag.
    public var flagID: Int64?
    /// `topic:<id>:<label>`, `flag:<id>` or `sentiment` (as `Evidence.target`).
    public var target: String
    /// Unicode scalar offsets into the original text, end exclusive.
    public var startOffset: Int
    public var endOffset: Int
    /// The span's text. It comes from the unredacted comment, so it stays in the database and is not exported.
    public var text: String
    public var rule: String
    /// The lexicon line as `file:line`, when one was involved.
    public var source: String?

    public init(
        id: Int64? = nil, resultID: Int64, mentionID: Int64? = nil, flagID: Int64? = nil, target: String,
        startOffset: Int, endOffset: Int, text: String, rule: String, source: String? = nil
    ) {
        self.id = id
        self.resultID = resultID
        self.mentionID = mentionID
        self.flagID = flagID
        self.target = target
        self.startOffset = startOffset
        self.endOffset = endOffset
        self.text = text
        self.rule = rule
        self.source = source
    }

    public enum CodingKeys: String, CodingKey, ColumnExpression {
        case id
        case resultID = "result_id"
        case mentionID = "mention_id"
        case flagID = "flag_id"
        case target
        case startOffset = "start_offset"
        case endOffset = "end_offset"
        case text, rule, source
    }
    public typealias Columns = CodingKeys
}

extension EvidenceRecord: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "evidence"
    public static let result = belongsTo(ResultRecord.self)
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
