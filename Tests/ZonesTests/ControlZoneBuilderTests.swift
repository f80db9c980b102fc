import Foundation
import Testing
import GeoCore
import Geodesy
import Geometry
import Places
import Incidents
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
            ZoneClaim(actor: "ISIL", place: raqqa, status: .controls, date: day, source: "seed"),
            ZoneClaim(actor: "ISIL", place: bab, status: .captured, date: day, source: "seed"),
        ])
        let isil = try #require(zones.first { $0.actor == "ISIL" && $0.status == .controls })
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
            ZoneClaim(actor: "ISIL", place: raqqa, status: .controls, date: ReportDay(iso: "2014-01-14"), source: "t"),
            ZoneClaim(actor: "FSA", place: village, status: .controls, date: ReportDay(iso: "2014-01-14"), source: "t"),
        ])
        let contested = try #require(zones.first { $0.status == .contested })
        #expect(contested.actor == "FSA / ISIL")
        let engine = try GeometryEngine()
        let isil = try #require(zones.first { $0.actor == "ISIL" && $0.status == .controls })
        #expect(try engine.areaKm2(engine.intersection(isil.geometry, contested.geometry)) < 1e-6)   // cut out
        #expect(try engine.prepare(contested.geometry).contains(village.coordinate))
    }

    /// 1,500 villages and towns of three actors, packed so that actors' discs overlap along two fronts and
    /// chains of discs connect across each actor's area: the zones equal the plain overlay computed here
    /// directly with GEOS (union per actor, then each pair's overlap contested and cut out of both), and
    /// every zone is valid.
    @Test func frontierAndConnectedSetsGiveThePlainOverlay() throws {
        let raqqa = try place("geonames:172955")
        var rng = SplitMix64(seed: 2014)
        let actors = ["ISIL", "FSA", "Syrian government forces"]
        var claims: [ZoneClaim] = []
        for k in 0..<1500 {
            // 90 km × 60 km around Raqqa; the three actors hold overlapping bands west to east.
            let east = Double.random(in: -45...45, using: &rng), north = Double.random(in: -30...30, using: &rng)
            let band = min(2, max(0, Int((east + 45 + Double.random(in: -8...8, using: &rng)) / 30)))
            let c = Geodesic.destination(from: Geodesic.destination(from: raqqa.coordinate, distance: .kilometers(abs(east)), bearing: Bearing(degrees: east < 0 ? 270 : 90)),
                                         distance: .kilometers(abs(north)), bearing: Bearing(degrees: north < 0 ? 180 : 0))
            let place = Place(id: "test:\(k)", name: "P\(k)", coordinate: c, kind: .village,
                              population: Int.random(in: 0...(k % 50 == 0 ? 200_000 : 3_000), using: &rng), source: "test")
            claims.append(ZoneClaim(actor: actors[band], place: place, status: .controls, date: ReportDay(iso: "2014-01-14"), source: "t"))
        }
        let zones = try builder().build(claims)

        // The same overlay done plainly, in the same projection, then back to lon/lat.
        let local = try LocalProjection(center: try #require(BoundingBox(covering: claims.map(\.place.coordinate))).center)
        let engine = try GeometryEngine()
        var unions: [String: GeoJSONGeometry] = [:]
        for actor in actors {
            let group = claims.filter { $0.actor == actor }
            let centers = try group.map { c -> Coordinate in let p = try local.project(c.place.coordinate); return Coordinate(longitude: p.x, latitude: p.y) }
            unions[actor] = try engine.unionOfDiscs(centers: centers, radii: group.map { ControlZoneBuilder.discRadius(population: $0.place.population).meters })
        }
        var contested: [String: GeoJSONGeometry] = [:]
        let sorted = actors.sorted()
        for (i, a) in sorted.enumerated() {
            for b in sorted.dropFirst(i + 1) {
                let overlap = try engine.intersection(unions[a]!, unions[b]!)
                guard try engine.planarArea(overlap) > 1 else { continue }
                contested["\(a) / \(b)"] = overlap
                unions[a] = try engine.difference(unions[a]!, overlap)
                unions[b] = try engine.difference(unions[b]!, overlap)
            }
        }
        // Back in degrees, made valid as the builder does (rings a nanometre apart in metres may touch there).
        let back = { (g: GeoJSONGeometry) throws -> GeoJSONGeometry in try engine.makeValidIfNeeded(try local.unproject(g)) }
        let expected = try unions.mapValues(back).merging(try contested.mapValues(back)) { a, _ in a }
        #expect(contested.count >= 2, "the fixture should have two fronts")
        #expect(zones.count == expected.count)
        for zone in zones {
            let plain = try #require(expected[zone.actor], "unexpected zone \(zone.actor)")
            #expect(try engine.isValid(zone.geometry), "\(zone.actor)")
            let area = try engine.areaKm2(plain)
            let differs = try engine.areaKm2(engine.difference(zone.geometry, plain)) + engine.areaKm2(engine.difference(plain, zone.geometry))
            #expect(differs < area * 1e-6, "\(zone.actor): \(differs) km² differ out of \(area)")
            #expect(abs(zone.areaKm2 - area) < area * 0.01)
        }
    }

    @Test func asOfShowsTheEarlierHolder() throws {
        let bab = try place("geonames:174018")
        let claims = [
            ZoneClaim(actor: "FSA", place: bab, status: .controls, date: ReportDay(iso: "2014-01-01"), source: "t"),
            ZoneClaim(actor: "ISIL", place: bab, status: .captured, date: ReportDay(iso: "2014-01-10"), source: "t"),
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
            ZoneClaim(actor: "ISIL", place: raqqa, status: .controls, date: day, source: "t"),
            ZoneClaim(actor: "ISIL", place: bab, status: .controls, date: day, source: "t"),
            ZoneClaim(actor: "Syrian government forces", place: homs, status: .controls, date: day, source: "t"),
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
