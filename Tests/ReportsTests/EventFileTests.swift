import Foundation
import Testing
import Incidents
import Locating
@testable import Reports
import TestSupport

@Suite(.serialized) struct EventFileTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    func reader() throws -> EventFileReader { EventFileReader(locator: try Locator(gazetteer: TestData.defaultGazetteer.get())) }

    @Test func yamlEventsResolveTextLocationsAndKeepCoordinates() throws {
        let r = try reader().read(Self.fixtures.appendingPathComponent("seed_events.yaml").path)
        #expect(r.incidents.count == 3)
        let kantari = try #require(r.incidents.first { $0.id == "seed-kantari" })
        #expect(abs((kantari.point?.latitude ?? 0) - 36.673779193) < 1e-6)       // "Kantari, 80 km north of Raqqa"
        #expect(kantari.geoPrecision == 2)
        let bomb = try #require(r.incidents.first { $0.id == "seed-car-bomb" })
        #expect(bomb.fatalitiesBest == 8 && bomb.fatalitiesHigh == 22)
        #expect(bomb.date?.description == "2014-01-14" && bomb.eventType == "Explosions/Remote violence")
        let homs = try #require(r.incidents.first { $0.id == "seed-homs" })
        #expect(homs.point?.latitude == 34.72405 && homs.point?.longitude == 36.72559)   // given coordinates are kept
        #expect(r.control.first?.placeID == "geonames:172955" && r.control.first?.status == .controls)
    }

    @Test func jsonIsReadTheSameWay() throws {
        let path = try TestData.temporaryFile("e.json")
        try #"{"events": [{"sub_type": "shelling", "date": "2014-01-14", "location": "Homs", "fatalities": 18}]}"#
            .write(toFile: path, atomically: true, encoding: .utf8)
        let r = try reader().read(path)
        #expect(r.incidents.first?.placeID == "geonames:169577")
        #expect(r.incidents.first?.fatalitiesBest == 18)
    }

    @Test func acledRowsWithLineAndColumnErrors() throws {
        let path = Self.fixtures.appendingPathComponent("acled_sample.csv").path
        #expect(throws: EventFileError(file: path, line: 5, column: 23, message: "field 'latitude': 'abc' is not a latitude")) {
            try reader().read(path)
        }
        var skipping = try reader()
        skipping.skipBadRows = true
        var warnings: [EventFileError] = []
        skipping.warn = { warnings.append($0) }
        let r = try skipping.read(path)
        #expect(r.incidents.map(\.id) == ["SYR1", "SYR2"])
        #expect(warnings.map(\.line) == [5])
        #expect(r.incidents[1].date?.description == "2014-01-14")               // "14 January 2014"
        #expect(r.incidents[1].subType == "shelling")
        #expect(r.incidents[0].actors == ["ISIL", "Ahrar al-Sham"])
    }

    @Test func badYAMLNamesLineAndColumn() throws {
        let path = try TestData.temporaryFile("bad.yaml")
        try "report_date: 2014-01-14\nevents:\n  - sub_type: shelling\n    date: 2014-13-01\n    location: Homs\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: EventFileError(file: path, line: 4, column: 11, message: "field 'date': '2014-13-01' is not a date YYYY-MM-DD")) {
            try reader().read(path)
        }
        try "events: [ {sub_type: shelling\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: EventFileError.self) { try reader().read(path) }
    }
}
