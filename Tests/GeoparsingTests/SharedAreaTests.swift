import Foundation
import Testing
import GeoCore
@testable import Geoparsing
@testable import Locating
import TestSupport

@Suite struct SharedAreaTests {
    /// A parser that shares another's areas finds the ones that parser computed, and reads the seed report as a
    /// parser of its own does.
    @Test func aParserFindsTheAreasAnotherComputed() throws {
        let gazetteer = try Paths.wofGazetteer.get()
        let first = try Geoparser(gazetteer: gazetteer), second = try Geoparser(gazetteer: gazetteer)
        second.shareAreas(with: first)
        #expect(second.locator.areas.entries.count == 0)
        let own = try first.extract(text: SeedTests.text, source: "seed")
        let located = own.mentions.filter { $0.relative != nil }.count
        #expect(located > 3)
        #expect(second.locator.areas.entries.count > 0 && second.locator.areas.entries.count <= located)
        let shared = try second.extract(text: SeedTests.text, source: "seed")
        let alone = try Geoparser(gazetteer: gazetteer).extract(text: SeedTests.text, source: "seed")
        for x in [shared, alone] {
            #expect(x.mentions.map(\.text) == own.mentions.map(\.text))
            #expect(x.mentions.map { $0.relative?.uncertaintyJSON } == own.mentions.map { $0.relative?.uncertaintyJSON })
        }
        // A locator given other options keeps its areas to itself.
        second.locator.options.nearRadius = .kilometers(3)
        #expect(second.locator.areas !== first.locator.areas)
    }
}
