import Foundation
import Testing
@testable import PalauteIngest

@Suite struct MappingTests {
    @Test func finnishAndEnglishDefaults() throws {
        let m = HeaderMapping.default
        let fi = try m.resolve(header: ["Tunnus", "Kanava", "Toimipiste", "Palvelu", "Käyntipäivä", "NPS", "Vapaa palaute"])
        #expect(fi == [.id: 0, .channel: 1, .unit: 2, .service: 3, .date: 4, .score: 5, .text: 6])
        let en = try m.resolve(header: ["ID", "Channel", "Unit", "Service", "Date", "Score", "Comment"])
        #expect(en == [.id: 0, .channel: 1, .unit: 2, .service: 3, .date: 4, .score: 5, .text: 6])
        let more = try m.resolve(header: ["yksikkö", "päivämäärä", "Suositteluhalukkuus (0–10)", "kommentti"])
        #expect(more == [.unit: 0, .date: 1, .score: 2, .text: 3])
        // Two candidates: the earlier name in `defaultNames` wins.
        #expect(try m.resolve(header: ["suositteluhalukkuus", "pisteet", "palaute"])[.score] == 1)
    }

    @Test func explicitMappingWins() throws {
        let m = try HeaderMapping(arguments: ["score=Kuinka todennäköisesti suosittelisit meitä?", "text=Terveiset"])
        let r = try m.resolve(header: ["id", "score", "Kuinka todennäköisesti suosittelisit meitä?", "Terveiset"])
        #expect(r[.score] == 2)
        #expect(r[.text] == 3)
        #expect(r[.id] == 0)
    }

    @Test func explicitMappingOfAMissingColumnFails() throws {
        let m = try HeaderMapping(arguments: ["score=Arvio"])
        #expect(throws: MappingError.columnNotFound(field: .score, column: "Arvio")) {
            try m.resolve(header: ["id", "comment"])
        }
    }

    @Test func malformedMapArguments() {
        #expect(throws: MappingError.malformed("score")) { try HeaderMapping(arguments: ["score"]) }
        #expect(throws: MappingError.unknownField("grade")) { try HeaderMapping(arguments: ["grade=Arvio"]) }
    }

    @Test func explicitMappingThroughTheReader() throws {
        let dir = try TemporaryDirectory()
        let url = try dir.write("m.csv", "Vastaaja;Arvio;Terveiset\nA1;9;Kiitos\n")
        let mapping = try HeaderMapping(arguments: ["id=Vastaaja", "score=Arvio", "text=Terveiset"])
        let (_, result) = try readAll(url, mapping: mapping)
        #expect(result.records.first?.externalID == "A1")
        #expect(result.records.first?.score == 9)
        #expect(result.records.first?.text == "Kiitos")
    }
}
