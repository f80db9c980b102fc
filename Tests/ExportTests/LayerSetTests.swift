import Foundation
import Testing
import GeoCore
import Incidents
import Places
@testable import Export
import GDALFormats
import TestSupport

/// The small layers and the ACLED CSV, built from domain values (no text stack).
@Suite struct LayerSetTests {
    // Raqqa as GeoNames has it (id 172955: 35.95283 N, 39.00788 E).
    static let raqqa = Place(id: "geonames:172955", name: "Ar Raqqah", coordinate: Coordinate(longitude: 39.00788, latitude: 35.95283),
                             kind: .city, admin1: "Ar Raqqah", country: "SY", population: 531_952, source: "geonames")

    @Test func placesMergeTheirSurfaceFormsAndCounts() {
        var layers = LayerSet()
        layers.add(places: [PlaceSighting(text: "Raqa", place: Self.raqqa), PlaceSighting(text: "Raqqa", place: Self.raqqa),
                            PlaceSighting(text: "Raqa", place: Self.raqqa)])
        layers.add(places: [PlaceSighting(text: "ar-Raqqah", place: Self.raqqa)])
        #expect(layers.places.count == 1)
        let p = layers.places[0].properties
        #expect(p["surface_forms"]?.stringValue == "Raqa; Raqqa; ar-Raqqah")
        #expect(p["mentions"]?.numberValue == 4)
        #expect(p["kind"]?.stringValue == "city")
    }

    @Test func uncertaintyRecordsKeepTheirAnchorAndArea() throws {
        var layers = LayerSet()
        let ring: [Coordinate] = [.init(longitude: 39, latitude: 36.5), .init(longitude: 39.1, latitude: 36.5),
                                  .init(longitude: 39.1, latitude: 36.8), .init(longitude: 39, latitude: 36.8), .init(longitude: 39, latitude: 36.5)]
        layers.add(uncertainty: [UncertaintyRecord(expression: "80 km north of Raqqa", anchor: Self.raqqa, point: nil,
                                                   distanceKm: 80.0004, bearingDeg: 0, area: .polygon([ring]), areaKm2: 301.25)])
        let f = try #require(layers.uncertainty.first)
        #expect(f.properties["anchor_id"]?.stringValue == "geonames:172955")
        #expect(f.properties["distance_km"]?.numberValue == 80)
        #expect(f.properties["lat"] == .null)
        #expect(f.properties["area_km2"]?.numberValue == 301.25)
    }

    @Test func acledRowsFollowTheColumnOrderAndQuote() throws {
        var e = Incident(id: "E1", date: ReportDay(iso: "2014-01-14"), dateSource: .text, timePrecision: 1, eventType: "Explosions/Remote violence",
                         subEventType: "Remote explosive/landmine/IED", subType: "car_bomb", actors: ["ISIL", "Civilians"],
                         locationText: "Ram Hamdan, Idlib", placeID: nil, admin1: "Idlib", point: Coordinate(longitude: 36.71345, latitude: 36.02769),
                         geoPrecision: 1, claims: [FatalityClaim(source: "SOHR", count: 8), FatalityClaim(source: "al-Khabar", count: 22)], evidence: 0..<10)
        e.notes = nil
        let row = try #require(ACLEDCSV.row(e))
        let fields = CSVReader(text: ACLEDCSV.header + row).map(\.fields)
        #expect(fields.count == 2 && fields[0] == ACLEDCSV.columns && fields[1].count == ACLEDCSV.columns.count)
        func field(_ name: String) -> String { fields[1][ACLEDCSV.columns.firstIndex(of: name)!] }
        #expect(field("event_date") == "2014-01-14" && field("year") == "2014")
        #expect(field("location") == "Ram Hamdan, Idlib")     // quoted in the row, one field read back
        #expect(field("fatalities") == "8" && field("actor1") == "ISIL" && field("actor2") == "Civilians")
        #expect(field("latitude") == "36.027690")
        #expect(field("notes") == "8 (SOHR); 22 (al-Khabar)", "\(field("notes"))")
        e.notes = "car bomb at the market"
        let noted = CSVReader(text: ACLEDCSV.header + (ACLEDCSV.row(e) ?? "")).map(\.fields)
        #expect(noted[1][ACLEDCSV.columns.firstIndex(of: "notes")!] == "car bomb at the market; 8 (SOHR); 22 (al-Khabar)")
        e.point = nil
        #expect(ACLEDCSV.row(e) == nil)
    }
}

/// The GeoJSON properties of the small layers and the typed fields GDAL formats declare are one list of names.
@Suite struct LayerSchemaTests {
    @Test func everyLayerSetPropertyIsADeclaredField() throws {
        var layers = LayerSet()
        let raqqa = LayerSetTests.raqqa
        let ring: [Coordinate] = [.init(longitude: 39, latitude: 36.5), .init(longitude: 39.1, latitude: 36.5),
                                  .init(longitude: 39.1, latitude: 36.8), .init(longitude: 39, latitude: 36.5)]
        layers.add(places: [PlaceSighting(text: "Raqa", place: raqqa)])
        layers.add(uncertainty: [UncertaintyRecord(expression: "80 km north of Raqqa", anchor: raqqa, point: raqqa.coordinate,
                                                   distanceKm: 80, bearingDeg: 0, area: .polygon([ring]), areaKm2: 1)])
        #expect(layers.places[0].properties.keys == LayerSchemas.places.map(\.name))
        #expect(layers.uncertainty[0].properties.keys == LayerSchemas.uncertainty.map(\.name))
        #expect(LayerSchemas.incidents.map(\.name) == IncidentColumn.allCases.map(\.name))
        #expect(LayerSchemas.incidents.first { $0.name == "event_date" }?.kind == .date)
        #expect(LayerSchemas.controlZones(timeline: true).map(\.name).contains("start_date"))
        // Values follow the declared types: a date text becomes a Date, a whole number an Integer.
        let values = LayerSchemas.values(layers.places[0].properties, LayerSchemas.places)
        #expect(values.last == .integer(1))
        #expect(LayerSchemas.values(["as_of": .string("2014-01-14")], [.init("as_of", .date)]) == [.date(year: 2014, month: 1, day: 14)])
        #expect(LayerSchemas.values(["as_of": .string("14/01/2014")], [.init("as_of", .date)]) == [.null])
    }

    @Test func shapefileNamesFitTenCharactersAndComeBack() {
        for field in LayerSchemas.incidents + LayerSchemas.places + LayerSchemas.uncertainty + LayerSchemas.controlZones(timeline: true) {
            let short = ShapefileNames.shortName(field.name)
            #expect(short.utf8.count <= 10, "\(field.name) → \(short)")
            #expect(ShapefileNames.fullName(short) == field.name)
        }
    }
}
