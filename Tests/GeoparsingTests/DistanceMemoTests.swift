import Testing
import GeoCore
import Geodesy
@testable import Geoparsing
import TestSupport

@Suite struct DistanceMemoTests {
    /// The memo answers the geodesic, remembered or not: pairs asked again, pairs sharing a slot, ±0.
    @Test(arguments: [1 << 10, 2, 0])
    func answersAreTheGeodesics(slots: Int) {
        var memo = DistanceMemo(slots: slots)
        var rng = SplitMix64(seed: 12)
        let places = (0..<40).map { _ in Coordinate(longitude: rng.uniform(35, 42), latitude: rng.uniform(32, 37)) }
        let targets = places + [Coordinate(longitude: 0.0, latitude: 0.0), Coordinate(longitude: -0.0, latitude: -0.0)]
        for _ in 0..<3000 {
            let p = Int(rng.uniform(0, Double(places.count) - 0.001)), t = targets[Int(rng.uniform(0, Double(targets.count) - 0.001))]
            #expect(memo.distance(p, from: places[p], to: t) == Geodesic.distance(from: places[p], to: t))
        }
    }
}
