import Foundation
import Testing
import GeoCore
@testable import Geoparsing
import TestSupport

@Suite struct ReadingTreeTests {
    /// What the geoparser scanned before: every mention in index order, the first strictly nearer kept.
    static func scan(_ positions: [Coordinate], _ c: Coordinate, _ include: (Int) -> Bool) -> Int? {
        let k = cos(c.latitude * .pi / 180)
        var best: Int?, bestD = Double.infinity
        for (j, p) in positions.enumerated() where include(j) {
            var dl = abs(p.longitude - c.longitude)
            if dl > 180 { dl = 360 - dl }
            let d = (dl * k) * (dl * k) + (p.latitude - c.latitude) * (p.latitude - c.latitude)
            if d < bestD { bestD = d; best = j }
        }
        return best
    }

    @Test func sameAnswerAsTheScanEverywhere() {
        var rng = SplitMix64(seed: 5)
        for round in 0..<300 {
            // A cluster (a report's places), some far readings, repeats (ties), the antimeridian and the poles.
            let n = Int(rng.uniform(1, 60))
            let center = Coordinate(longitude: round % 5 == 0 ? rng.uniform(170, 180) : rng.uniform(-180, 180),
                                    latitude: round % 7 == 0 ? rng.uniform(80, 89) : rng.uniform(-60, 60))
            var positions: [Coordinate] = (0..<n).map { _ in
                Coordinate(longitude: center.longitude + rng.uniform(-3, 3), latitude: max(-90, min(90, center.latitude + rng.uniform(-2, 2))))
            }
            if n > 3 { positions[n - 1] = positions[0]; positions[n - 2] = Coordinate(longitude: rng.uniform(-180, 180), latitude: rng.uniform(-80, 80)) }
            // Every third round on a coarse grid: many readings at one place and many equal distances.
            if round % 3 == 0 { positions = positions.map { Coordinate(longitude: ($0.longitude * 2).rounded() / 2, latitude: ($0.latitude * 2).rounded() / 2) } }
            let readings = ReadingTree(positions: positions)
            for _ in 0..<20 {
                let q = rng.uniform(0, 1) < 0.5
                    ? Coordinate(longitude: rng.uniform(-180, 180), latitude: rng.uniform(-89, 89))
                    : positions[Int(rng.uniform(0, Double(n) - 0.001))]
                let excluded = Set((0..<3).map { _ in Int(rng.uniform(0, Double(n) - 0.001)) })
                let include = { (j: Int) in !excluded.contains(j) }
                #expect(readings.nearest(to: q, include: include) == Self.scan(positions, q, include), "round \(round) at \(q)")
            }
        }
    }
}
