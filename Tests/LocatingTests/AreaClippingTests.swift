import Foundation
import Testing
import GeoCore
import Geodesy
import Geometry
import Places
@testable import Locating
import TestSupport

/// Issue 18: areas stay where the words allow. Cut at the sea (a place a report locates is on land); "in the
/// south of Idlib" is a part of the governorate, not a cone out of the city; a type word picks the governorate
/// before the district of the same name.
@Suite(.serialized) struct AreaClippingTests {
    /// Syria's coastal cities in the gazetteer (populated places of 20,000 people or more with a point 9 km away
    /// towards the west that lies off `land`, i.e. at sea), with that point's bearing from them.
    static func coastalCities(_ g: Gazetteer, land: PreparedGeometry) throws -> [(Place, Double)] {
        var out: [(Place, Double)] = []
        for i in 0..<g.index.placeCount where g.index.country(i) == "SY" && [.city, .town].contains(g.index.kind(i)) && g.index.populations[i] >= 20_000 {
            let c = g.index.coordinate(i)
            guard (35.5...36.2).contains(c.longitude) else { continue }
            for bearing in stride(from: 225.0, through: 315, by: 15) {
                let sea = Geodesic.destination(from: c, distance: .kilometers(9), bearing: Bearing(degrees: bearing))
                if !land.covers(sea), let p = try g.store.places(rowids: [g.index.rowids[i]]).values.first {
                    out.append((p, bearing))
                    break
                }
            }
        }
        return out
    }

    @Test func areasAboutACoastalCityStopAtTheSea() throws {
        let locator = try Fixtures.locator()
        let engine = try GeometryEngine()
        // The land the mask keeps, widened half a kilometre more for the buffers' own segments.
        let land = try locator.gazetteer.store.outlines(kind: .country).filter { ["SY", "LB", "TR"].contains($0.country ?? "") }
            .map { try engine.buffer($0.geometry, by: LandMask.margin + .kilometers(0.5)) }
        let widenedLand = try engine.union(land)
        let cities = try Self.coastalCities(locator.gazetteer, land: try engine.prepare(widenedLand))
        #expect(cities.count >= 2, "coastal cities: \(cities.map(\.0.name))")
        for (city, bearing) in cities.prefix(3) {
            let word = ["south-west", "west", "west", "north-west", "north-west"][min(4, Int((bearing - 225) / 22.5))]
            for text in ["15 km \(word) of \(city.name)", "near \(city.name)", "\(word) of \(city.name)"] {
                let l = try locator.locate(expression: text, context: ResolveContext(country: "SY"))
                #expect(l.anchor.id == city.id, "\(text) → \(l.anchor.name)")
                #expect(try engine.isValid(l.uncertainty), "\(text)")
                let sea = Geodesic.destination(from: city.coordinate, distance: .kilometers(9), bearing: Bearing(degrees: bearing))
                #expect(!(try engine.prepare(l.uncertainty).covers(sea)), "\(text) holds the sea at \(sea)")
                // Nothing of the area lies off the widened coastline.
                let off = try engine.difference(l.uncertainty, widenedLand)
                #expect(Geodesic.area(of: off) < 1e6, "\(text): \(Geodesic.area(of: off) / 1e6) km² at sea")
                #expect(l.areaKm2 > 0)
            }
        }
    }

    /// Locators of one job share the land outlines (`shareLand`): two of them cutting coastal areas at once, on
    /// two threads, cut every area as a locator of its own does.
    @Test func locatorsSharingTheLandCutAsALocatorAlone() throws {
        let alone = try Fixtures.locator()
        let engine = try GeometryEngine()
        // Every neighbour's land: a point off Syria's coast is at sea, not across the Golan line.
        let land = try alone.gazetteer.store.outlines(kind: .country).filter { ["SY", "LB", "TR", "IL", "PS", "JO"].contains($0.country ?? "") }
            .map { try engine.buffer($0.geometry, by: LandMask.margin + .kilometers(0.5)) }
        let cities = try Self.coastalCities(alone.gazetteer, land: try engine.prepare(try engine.union(land)))
        let texts = cities.flatMap { city, _ in
            ["12 km west of \(city.name)", "near \(city.name)", "north-west of \(city.name)", "30 km south-west of \(city.name)",
             "on the outskirts of \(city.name)", "20 km from \(city.name)"]
        }
        #expect(texts.count >= 12)
        let context = ResolveContext(country: "SY")
        let expected = try texts.map { try alone.locate(expression: $0, context: context).uncertaintyJSON }
        let first = try Fixtures.locator(), second = try Fixtures.locator()
        second.shareLand(with: first)
        // Every text twice, handed out to the two locators' threads as they ask: both widen coasts at once.
        let areas = try ParallelMap.map(2 * texts.count, workers: [first, second]) { locator, k in
            try locator.locate(expression: texts[k / 2], context: context).uncertaintyJSON
        }
        for (k, json) in areas.enumerated() { #expect(json == expected[k / 2], "\(texts[k / 2])") }
        // The areas were cut: "near X" (a 10 km disc) leaves out the sea 9 km off the city.
        for (c, (city, bearing)) in cities.enumerated() {
            let near = try first.locate(expression: texts[6 * c + 1], context: context)
            let sea = Geodesic.destination(from: city.coordinate, distance: .kilometers(9), bearing: Bearing(degrees: bearing))
            #expect(!(try engine.prepare(near.uncertainty).covers(sea)), "\(texts[6 * c + 1]) holds the sea at \(sea)")
        }
    }

    @Test(arguments: ["in the south of Idlib", "dans le sud de la province d'Idleb", "in the southern countryside of Idlib", "dans le sud d'Idleb"])
    func thePartOfAGovernorateIsOfTheGovernorateNotTheCity(_ text: String) throws {
        let locator = try Fixtures.wofLocator()
        let engine = try GeometryEngine()
        let l = try locator.locate(expression: text, context: ResolveContext(country: "SY"))
        #expect(l.anchor.kind == .region, "\(text) → \(l.anchor.name) (\(l.anchor.kind))")
        #expect(l.expression.form == .countryside)
        let outline = try #require(try locator.gazetteer.store.shape(placeID: l.anchor.id))
        // Within the governorate, and its southern part: the point lies south of the outline's centroid.
        #expect(Geodesic.area(of: try engine.difference(l.uncertainty, outline)) < 1e6)
        #expect(l.point.latitude < (try engine.centroid(outline)).latitude)
        #expect(l.areaKm2 > 0.2 * Geodesic.area(of: outline) / 1e6 && l.areaKm2 < 0.8 * Geodesic.area(of: outline) / 1e6)
    }

    /// A feature anchor (a point in the gazetteer) widens distance forms by the half-size of its kind: "4 km from
    /// Kuweires Airbase" (feature:kuweires-airbase, the first row of ../shared/data/syria-features/features.csv)
    /// is measured from the base's edge, 2 km about its point.
    @Test func aFeatureAnchorWidensDistanceFormsByItsKindsHalfSize() throws {
        let locator = try Fixtures.wofLocator()
        let l = try locator.locate(expression: "4 km from Kuweires Airbase", context: ResolveContext(country: "SY"))
        #expect(l.anchor.id == "feature:kuweires-airbase")
        let d = try #require(l.expression.distance)
        let half = try #require(Locator.featureHalfSize[.airbase]).kilometers
        let expected = Double.pi * (pow(d.high + half, 2) - pow(max(0, d.low - half), 2))
        #expect(abs(l.areaKm2 - expected) / expected < 0.03, "\(l.areaKm2) km² vs \(expected)")
    }

    /// An article before the anchor is not a name ("la" alone reads as the abbreviation of Los Angeles); "the
    /// border" with no country named is no anchor; "the country" is the report's country.
    @Test func articlesAndAnaphorsAreNotNames() throws {
        let locator = try Fixtures.locator()
        let syria = try #require(try locator.gazetteer.store.country(iso: "SY"))
        for text in ["à l'est de la Syrie", "in the east of the country", "dans l'est du pays"] {
            let l = try locator.locate(expression: text, context: ResolveContext(country: "SY"))
            #expect(l.anchor.id == syria.id, "\(text) → \(l.anchor.name)")
        }
        #expect(throws: LocatingError.self) { try locator.locate(expression: "30 km east of the border", context: ResolveContext(country: "SY")) }
        #expect(throws: LocatingError.self) { try locator.locate(expression: "north of the city") }
    }
}
