import Foundation
import GRDB
import PalauteClassify
import PalauteStore
import PalauteText
import Testing
@testable import PalauteReport

/// Exports carry redacted text unless `--include-pii`, which is audited.
@Suite struct RedactionExportTests {
    static let comment = "Hoitaja Aino oli töykeä. Hetuni 131052-308T, soittakaa 0401234567."
    static let secrets = ["131052-308T", "0401234567", "Aino"]

    /// One classified response (stored redacted text), one not yet classified (redacted on the fly), one case.
    private func fixture() throws -> ReportFixture {
        let f = try ReportFixture()
        let redacted = Redactor().redact(Self.comment).text
        #expect(redacted == "Hoitaja [NIMI] oli töykeä. Hetuni [HETU], soittakaa [PUHELIN].")
        let id = try f.add(score: 2, text: Self.comment, topics: [TopicLabel(topic: .staffManner, label: .criticism)],
                           flags: [.contactRequest], redacted: redacted)
        try f.add(score: 1, text: Self.comment, classified: false)
        try f.openCase(responseID: id, priority: .high, due: Date(), redactedText: redacted, flags: #"["contact_request"]"#)
        return f
    }

    private func allOutput(_ f: ReportFixture) throws -> String {
        try FileManager.default.contentsOfDirectory(atPath: f.out.path).sorted()
            .map { try f.dir.read("out/\($0)") }.joined(separator: "\n")
    }

    private func auditEntries(_ f: ReportFixture) throws -> [AuditEntryRecord] {
        try f.store.pool.read { try AuditEntryRecord.filter(AuditEntryRecord.Columns.action.like("export%")).fetchAll($0) }
    }

    @Test func exportsAreRedactedByDefault() throws {
        let f = try fixture()
        let out = try ReportWriter(database: f.store).write(to: f.out, options: .init(export: ExportOptions(actor: "maija")))
        #expect(out.export?.redactedOnTheFly == 1)
        let everything = try allOutput(f)
        for secret in Self.secrets { #expect(!everything.contains(secret), "\(secret) leaked") }
        let records = csvRecords(try f.dir.read("out/responses.csv"))
        #expect(records.map { $0["text"] } == Array(repeating: "Hoitaja [NIMI] oli töykeä. Hetuni [HETU], soittakaa [PUHELIN].", count: 2))
        #expect(records.allSatisfy { $0["text_redacted"] == "1" })
        let entries = try auditEntries(f)
        #expect(entries.count == 1)
        #expect(entries[0].action == "export")
        #expect(entries[0].actor == "maija")
        #expect(entries[0].detail.contains("\"include_pii\":\"false\""))
    }

    @Test func includePIIExportsOriginalTextAndIsAudited() throws {
        let f = try fixture()
        try ReportWriter(database: f.store).write(
            to: f.out, options: .init(export: ExportOptions(includePII: true, actor: "tietosuoja")))
        let records = csvRecords(try f.dir.read("out/responses.csv"))
        #expect(records.map { $0["text"] } == [Self.comment, Self.comment])
        #expect(records.allSatisfy { $0["text_redacted"] == "0" })
        let followups = csvRecords(try f.dir.read("out/followups.csv"))
        #expect(followups.first?["text"] == Self.comment)
        // The HTML report never shows original text.
        let html = try f.dir.read("out/report.html")
        for secret in Self.secrets { #expect(!html.contains(secret), "\(secret) in report.html") }

        let entries = try auditEntries(f)
        #expect(entries.count == 1)
        let e = try #require(entries.first)
        #expect(e.action == "export.include_pii")
        #expect(e.actor == "tietosuoja")
        #expect(e.detail.contains("\"include_pii\":\"true\""))
        #expect(e.detail.contains("responses.csv"))
        for secret in Self.secrets { #expect(!e.detail.contains(secret)) }
    }

    @Test func exportFilesArePrivate() throws {
        let f = try fixture()
        let s = try Exporter(database: f.store).export(to: f.out, options: ExportOptions(formats: [.csv], periods: []))
        for url in s.files {
            let mode = try #require(FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int)
            #expect(mode == 0o600, "\(url.lastPathComponent)")
        }
    }
}
