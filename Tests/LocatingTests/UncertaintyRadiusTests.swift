import Testing
import GeoCore
import Geodesy
@testable import Locating
import TestSupport

@Suite struct UncertaintyRadiusTests {
    /// The farthest vertex by a geodesic solution for every vertex: what `UncertaintyArea.radius` must equal.
    static func bruteForce(_ area: GeoJSONGeometry, _ point: Coordinate) -> Double {
        area.allCoordinates.map { Geodesic.distance(from: point, to: $0).meters }.max() ?? 0
    }

    @Test func radiusIsTheGeodesicMaximumOverEveryVertex() {
        // Sectors and rings of every size and direction, anchored anywhere (poles and antimeridian included),
        // and measured from a point other than their centre, as the locator does.
        var rng = SplitMix64(seed: 2026)
        for k in 0..<400 {
            let center = Coordinate(longitude: rng.uniform(-180, 180), latitude: k % 10 == 0 ? rng.uniform(80, 89.9) : rng.uniform(-80, 80))
            let outer = k % 7 == 0 ? rng.uniform(2_000_000, 9_000_000) : rng.uniform(1_000, 400_000)
            let inner = rng.uniform(0, outer * 0.9)
            let area = UncertaintyArea.sector(center: center, inner: Distance(meters: inner), outer: Distance(meters: outer),
                                              bearing: rng.uniform(0, 360), halfWidth: rng.uniform(5, 200))
            let point = Geodesic.destination(from: center, distance: Distance(meters: rng.uniform(0, outer)), bearing: Bearing(degrees: rng.uniform(0, 360)))
            #expect(UncertaintyArea.radius(of: area, around: point).meters == Self.bruteForce(area, point), "case \(k)")
        }
    }

    @Test(arguments: ["120 km from Homs", "north of Aleppo", "near Raqqa", "on the outskirts of Idlib", "80 km north of Raqqa",
                      "in the northern countryside of Hama", "30 km from Idlib province", "à 20 km au sud de la province d'Alep"])
    func locatedRadiusIsTheFarthestVertex(_ text: String) throws {
        // The locator takes the outer distance for areas about the anchor and measures the others vertex by vertex.
        let l = try Fixtures.locator().locate(expression: text)
        #expect(abs(l.uncertaintyRadius.meters - Self.bruteForce(l.uncertainty, l.point)) < 1e-6, "\(text)")
        // The area's JSON, written once when the area is computed, is what the geometry writes now.
        var json = OutputBuffer()
        JSONBytes.appendGeometry(l.uncertainty, to: &json)
        #expect(!l.uncertaintyJSON.isEmpty && l.uncertaintyJSON == json.bytes, "\(text)")
    }
}
