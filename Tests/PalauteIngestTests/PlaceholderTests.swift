import Foundation
import Testing

@Suite struct FixtureBundleTests {
    @Test func fixturesAreBundled() throws {
        let url = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        #expect(FileManager.default.fileExists(atPath: url.appendingPathComponent("README.txt").path))
    }
}
