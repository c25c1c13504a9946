import Foundation
import GRDB

/// A flag (safety, contact request, formal complaint) raised on a result.
public struct ResultFlagRecord: Codable, Sendable, Hashable, Identifiable {
    public var id: Int64?
    public var resultID: Int64
    /// `safety`, `contact_request` or `formal_complaint`.
    public var flag: String
    /// `lexicon` or `llm`.
    public var provenance: String
    public var model: String?

    public init(id: Int64? = nil, resultID: Int64, flag: String, provenance: String = "lexicon", model: String? = nil) {
        self.id = id
        self.resultID = resultID
        self.flag = flag
        self.provenance = provenance
        self.model = model
    }

    public enum CodingKeys: String, CodingKey, ColumnExpression {
        case id
        case resultID = "result_id"
        case flag, provenance, model
    }
    public typealias Columns = CodingKeys
}

extension ResultFlagRecord: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "result_flag"
    public static let result = belongsTo(ResultRecord.self)
    public static let evidence = hasMany(EvidenceRecord.self)
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
