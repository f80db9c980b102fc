import Foundation
import Testing
import EventStorage
import Export
import GeoCore
import Incidents
@testable import Pipeline
import Store
import TestSupport

/// `geomap build` as a library call: the seed's layers, read back; and the same inputs into a store.
@Suite(.serialized) struct LayerBuildTests {
    static let seed = TestData.shared.appendingPathComponent("corpus/000_b936dedbd59c1222.txt").path

    /// The seed's layers (`--date 2014-01-14`, the WOF gazetteer) in a new folder; the build's summary.
    static func buildSeed(_ name: String, store: (any EventStore)? = nil) throws -> (folder: String, summary: String) {
        let folder = try TestData.temporaryFile(name)
        var build = LayerBuild(inputs: [seed], folder: folder)
        build.reportDate = ReportDay(iso: "2014-01-14")
        return (folder, try build.run(gazetteer: try TestData.wofGazetteer.get(), store: store))
    }

    @Test func seedLayersHoldItsIncidentsZonesAndPlaces() throws {
        let store = try SQLiteEventStore()
        let (folder, summary) = try Self.buildSeed("layers", store: store)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(summary.hasPrefix("4 layers to \(folder)"))
        let incidents = try GeoJSONFile.readFeatures(folder + "/incidents.geojson").map(\.feature)
        #expect(incidents.count > 5)
        // The car bomb at Ram Hamdan (WOF 1343739475) with both sources' tolls.
        let bomb = try #require(incidents.first { $0.properties["sub_type"]?.stringValue == "car_bomb" })
        #expect(bomb.properties["fatality_claims"]?.stringValue?.contains("22 (al-Khabar)") == true)
        #expect(bomb.properties["fatalities_best"]?.numberValue == 8)
        let zones = try GeoJSONFile.readFeatures(folder + "/control_zones.geojson").map(\.feature)
        #expect(zones.contains { $0.properties["actor"]?.stringValue == "ISIL" && $0.properties["status"]?.stringValue == "controls" })
        let places = try GeoJSONFile.readFeatures(folder + "/places.geojson").map(\.feature)
        #expect(places.contains { $0.properties["id"]?.stringValue == "geonames:172955" })   // Raqqa, GeoNames 172955
        let uncertainty = try GeoJSONFile.readFeatures(folder + "/uncertainty.geojson").map(\.feature)
        #expect(uncertainty.contains { $0.properties["anchor_id"]?.stringValue == "geonames:172955" })
        // The store holds the located incidents, the claims and the zones.
        #expect(try store.eventCount() == incidents.count)
        #expect(try store.claims().contains { $0.actor == "ISIL" && $0.status == .captured })
        #expect(try store.zones().count == zones.count)
    }

    @Test func ingestOfTheLayerStoresTheSameEvents() throws {
        let (folder, _) = try Self.buildSeed("layers-ingest")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try SQLiteEventStore()
        let ingest = StoreIngest(inputs: [folder + "/incidents.geojson"])
        #expect(!ingest.needsGazetteer)
        let summary = try ingest.run(into: store, gazetteer: nil)
        let layer = try GeoJSONFile.readFeatures(folder + "/incidents.geojson")
        #expect(summary.inserted == layer.count && summary.updated == 0)
        // Again: every id is known, so every event is updated, none added.
        let again = try ingest.run(into: store, gazetteer: nil)
        #expect(again.inserted == 0 && again.updated == layer.count)
    }
}
