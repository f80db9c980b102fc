import Foundation
import Testing
import GeoCore
import Geodesy
import Geometry
import Places
import Reports
@testable import Zones
import TestSupport

@Suite(.serialized) struct ControlZoneBuilderTests {
    /// Ar Raqqah (GeoNames 172955) and Al Bāb (174018), read from the gazetteer.
    func place(_ id: String) throws -> Place {
        try #require(try TestData.defaultGazetteer.get().store.place(id: id))
    }

    func builder() throws -> ControlZoneBuilder { try ControlZoneBuilder(store: TestData.defaultGazetteer.get().store) }

    @Test func discRadiusGrowsWithPopulation() {
        #expect(ControlZoneBuilder.discRadius(population: 0).kilometers == 1)
        #expect(abs(ControlZoneBuilder.discRadius(population: 500_000).kilometers - 7.571) < 0.01)
    }

    @Test func zonesHoldTheirPlacesAndAreValid() throws {
        let raqqa = try place("geonames:172955"), bab = try place("geonames:174018")
        let day = ReportDay(iso: "2014-01-14")
        let zones = try builder().build([
            ZoneClaim(actor: "ISIL", place: raqqa, status: "controls", date: day, source: "seed"),
            ZoneClaim(actor: "ISIL", place: bab, status: "captured", date: day, source: "seed"),
        ])
        let isil = try #require(zones.first { $0.actor == "ISIL" && $0.status == "controls" })
        let engine = try GeometryEngine()
        let prepared = try engine.prepare(isil.geometry)
        #expect(prepared.contains(raqqa.coordinate) && prepared.contains(bab.coordinate))
        #expect(try engine.isValid(isil.geometry))
        // Two discs: radius 0.5 + 0.01·√population km each; the geodesic area is within 1 % of π r² summed.
        let expected = [raqqa, bab].map { p -> Double in let r = ControlZoneBuilder.discRadius(population: p.population).kilometers; return .pi * r * r }.reduce(0, +)
        #expect(abs(isil.areaKm2 - expected) / expected < 0.01)
        #expect(isil.places == ["Al Bāb", "Ar Raqqah"])
    }

    @Test func neighbouringClaimsOfTwoActorsMakeAContestedZone() throws {
        let raqqa = try place("geonames:172955")
        // A village 6 km east of Raqqa: inside Raqqa's 7.8 km disc.
        let village = Place(id: "test:village", name: "East village", coordinate: Geodesic.destination(from: raqqa.coordinate, distance: .kilometers(6), bearing: Bearing(degrees: 90)),
                            kind: .village, population: 0, source: "test")
        let zones = try builder().build([
            ZoneClaim(actor: "ISIL", place: raqqa, status: "controls", date: ReportDay(iso: "2014-01-14"), source: "t"),
            ZoneClaim(actor: "FSA", place: village, status: "controls", date: ReportDay(iso: "2014-01-14"), source: "t"),
        ])
        let contested = try #require(zones.first { $0.status == "contested" })
        #expect(contested.actor == "FSA / ISIL")
        let engine = try GeometryEngine()
        let isil = try #require(zones.first { $0.actor == "ISIL" && $0.status == "controls" })
        #expect(try engine.areaKm2(engine.intersection(isil.geometry, contested.geometry)) < 1e-6)   // cut out
        #expect(try engine.prepare(contested.geometry).contains(village.coordinate))
    }

    @Test func asOfShowsTheEarlierHolder() throws {
        let bab = try place("geonames:174018")
        let claims = [
            ZoneClaim(actor: "FSA", place: bab, status: "controls", date: ReportDay(iso: "2014-01-01"), source: "t"),
            ZoneClaim(actor: "ISIL", place: bab, status: "captured", date: ReportDay(iso: "2014-01-10"), source: "t"),
        ]
        #expect(try builder().build(claims, asOf: ReportDay(iso: "2014-01-05")).map(\.actor) == ["FSA"])
        let latest = try builder().build(claims)
        #expect(latest.map(\.actor) == ["ISIL"])
        #expect(latest.first?.asOf?.description == "2014-01-10")
    }

    @Test func voronoiCellsTileTheCountry() throws {
        let raqqa = try place("geonames:172955"), bab = try place("geonames:174018"), homs = try place("geonames:169577")
        let day = ReportDay(iso: "2014-01-14")
        let zones = try builder().build([
            ZoneClaim(actor: "ISIL", place: raqqa, status: "controls", date: day, source: "t"),
            ZoneClaim(actor: "ISIL", place: bab, status: "controls", date: day, source: "t"),
            ZoneClaim(actor: "Syrian government forces", place: homs, status: "controls", date: day, source: "t"),
        ], mode: .voronoi)
        let syria = try #require(try TestData.defaultGazetteer.get().store.countryShape(iso: "SY"))
        let total = zones.map(\.areaKm2).reduce(0, +)
        let expected = Geodesic.area(of: syria) / 1e6
        #expect(abs(total - expected) / expected < 0.01)
        let engine = try GeometryEngine()
        let gov = try #require(zones.first { $0.actor == "Syrian government forces" })
        #expect(try engine.prepare(gov.geometry).contains(homs.coordinate))
    }
}
