import Foundation
@testable import PalauteIngest

/// The URL of a file in Fixtures/.
func fixture(_ name: String) -> URL {
    Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent(name)
}

/// Everything a reader yields, split into records and rejects.
struct ReadResult {
    var records: [SurveyRecord] = []
    var rejects: [RejectedRow] = []

    func record(_ id: String) -> SurveyRecord? { records.first { $0.externalID == id } }
    func reject(line: Int) -> RejectedRow? { rejects.first { $0.line == line } }
}

func readAll(_ url: URL, mapping: HeaderMapping = .default) throws -> (ExportReader, ReadResult) {
    let reader = try ExportReader(url: url, mapping: mapping, name: url.lastPathComponent)
    var result = ReadResult()
    try reader.forEach { row in
        switch row {
        case .record(let r): result.records.append(r)
        case .rejected(let r): result.rejects.append(r)
        }
    }
    return (reader, result)
}

/// A fresh directory under the system temp dir, removed when the value goes away.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("palaute-ingest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> URL {
        let u = url.appendingPathComponent(name)
        try Data(bytes).write(to: u)
        return u
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> URL { try write(name, Array(text.utf8)) }

    deinit { try? FileManager.default.removeItem(at: url) }
}
