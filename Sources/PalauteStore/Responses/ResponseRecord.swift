import Foundation
import GRDB

/// A survey response as stored: one row per (source, external id), updated in place when the export changes it.
public struct ResponseRecord: Codable, Sendable, Hashable, Identifiable {
    public var id: Int64?
    /// Which export family the response came from (`--source`, default the file name's stem).
    public var source: String
    /// The export's own id, unique within `source`.
    public var externalID: String
    public var channel: String?
    public var unit: String?
    public var service: String?
    /// ISO `yyyy-mm-dd`.
    public var visitedOn: String?
    /// When the response first landed.
    public var receivedAt: Date
    public var score: Int?
    public var text: String
    /// SHA-256 (hex) of the fields above that the export owns; a change marks the response for re-classification.
    public var contentHash: String
    /// The ingest batch that last inserted or changed this response.
    public var ingestBatchID: Int64
    public var needsClassification: Bool
    public var updatedAt: Date

    public init(
        id: Int64? = nil, source: String, externalID: String, channel: String? = nil, unit: String? = nil,
        service: String? = nil, visitedOn: String? = nil, receivedAt: Date, score: Int? = nil, text: String,
        contentHash: String, ingestBatchID: Int64, needsClassification: Bool = true, updatedAt: Date
    ) {
        self.id = id
        self.source = source
        self.externalID = externalID
        self.channel = channel
        self.unit = unit
        self.service = service
        self.visitedOn = visitedOn
        self.receivedAt = receivedAt
        self.score = score
        self.text = text
        self.contentHash = contentHash
        self.ingestBatchID = ingestBatchID
        self.needsClassification = needsClassification
        self.updatedAt = updatedAt
    }

    public enum CodingKeys: String, CodingKey, ColumnExpression {
        case id, source
        case externalID = "external_id"
        case channel, unit, service
        case visitedOn = "visited_on"
        case receivedAt = "received_at"
        case score, text
        case contentHash = "content_hash"
        case ingestBatchID = "ingest_batch_id"
        case needsClassification = "needs_classification"
        case updatedAt = "updated_at"
    }
    public typealias Columns = CodingKeys
}

extension ResponseRecord: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "response"

    public static let ingestBatch = belongsTo(IngestBatchRecord.self)
    public static let results = hasMany(ResultRecord.self)
    public static let currentResult = hasOne(ResultRecord.self).filter(ResultRecord.Columns.isCurrent == true)
    public static let followUpCase = hasOne(FollowUpCaseRecord.self)

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension DerivableRequest<ResponseRecord> {
    /// Responses that are new or changed since they were last classified.
    public func needingClassification() -> Self {
        filter(ResponseRecord.Columns.needsClassification == true).order(ResponseRecord.Columns.id)
    }
}
