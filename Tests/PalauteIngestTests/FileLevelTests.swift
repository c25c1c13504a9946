import Foundation
import Testing
@testable import PalauteIngest

@Suite struct FileLevelTests {
    @Test func emptyFileIsAFileLevelError() {
        #expect(throws: ExportError(file: "empty.csv", problem: .empty)) {
            try ExportReader(url: fixture("empty.csv"), name: "empty.csv")
        }
    }

    @Test func binaryFileIsAFileLevelErrorWhateverItsName() {
        #expect(throws: ExportError(file: "binary.csv", problem: .binary)) {
            try ExportReader(url: fixture("binary.csv"), name: "binary.csv")
        }
    }

    @Test func missingFileAndDirectoryAreFileLevelErrors() throws {
        let dir = try TemporaryDirectory()
        #expect(throws: ExportError.self) { try ExportReader(url: dir.url.appendingPathComponent("nope.csv")) }
        #expect(throws: ExportError(file: "d", problem: .isDirectory)) { try ExportReader(url: dir.url, name: "d") }
    }

    @Test func headerWithoutCommentOrScoreIsAFileLevelError() throws {
        let dir = try TemporaryDirectory()
        let url = try dir.write("x.csv", "foo;bar\n1;2\n")
        #expect(throws: ExportError(file: "x.csv", problem: .noUsableColumns(columnCount: 2))) {
            try ExportReader(url: url, name: "x.csv")
        }
    }

    @Test func headerOnlyFileHasNoRows() throws {
        let dir = try TemporaryDirectory()
        let (_, result) = try readAll(try dir.write("h.csv", "id;score;comment\r\n"))
        #expect(result.records.isEmpty && result.rejects.isEmpty)
    }
}
