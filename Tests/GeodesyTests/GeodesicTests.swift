import Foundation
import Testing
import GeoCore
import TestSupport
@testable import Geodesy

/// Ar Raqqah, GeoNames 172955; Homs, GeoNames 169577 (coordinates as in GeoNames cities500).
let raqqa = Coordinate(longitude: 39.00788, latitude: 35.95283)
let homs = Coordinate(longitude: 36.72559, latitude: 34.72405)

@Suite struct GeodesicTests {
    // Expected values: GeographicLib/PROJ, confirmed with pyproj 3.7.2 (PROJ 9.5.1), as quoted in issue 2.
    @Test func directEightyKilometresNorthOfRaqqa() {
        let p = Geodesic.destination(from: raqqa, distance: .kilometers(80), bearing: Bearing(degrees: 0))
        let expected = Coordinate(longitude: 39.007880000, latitude: 36.673779193)
        #expect(abs(p.latitude - expected.latitude) < 1e-6)
        #expect(abs(p.longitude - expected.longitude) < 1e-6)
        #expect(Geodesic.distance(from: p, to: expected).meters < 0.001)
    }

    @Test func inverseRaqqaToHoms() {
        let g = Geodesic.inverse(from: raqqa, to: homs)
        #expect(abs(g.distance.meters - 248_252.816) < 0.001)
        #expect(abs(g.initialBearing.degrees - 237.356923) < 1e-6)
        #expect(g.initialBearing.compassPoint == .westSouthWest)
    }

    @Test func directAndInverseAgreeOnRandomLines() {
        var rng = SplitMix64(seed: 7946)
        for _ in 0..<2000 {
            let a = Coordinate(longitude: rng.uniform(-180, 180), latitude: rng.uniform(-85, 85))
            let d = Distance(meters: rng.uniform(1, 5_000_000))
            let b = Bearing(degrees: rng.uniform(0, 360))
            let p = Geodesic.destination(from: a, distance: d, bearing: b)
            let back = Geodesic.inverse(from: a, to: p)
            #expect(abs(back.distance.meters - d.meters) < 1e-6)
            #expect(back.initialBearing.angle(to: b) < 1e-7)
        }
    }

    @Test func circleIsAtTheRadiusAndCounterClockwise() {
        let ring = Geodesic.circle(center: raqqa, radius: .kilometers(25), segments: 64)
        #expect(ring.count == 65 && ring.first == ring.last)
        for p in ring { #expect(abs(Geodesic.distance(from: raqqa, to: p).meters - 25_000) < 1e-6) }
        #expect(RingWinding.isCounterClockwise(ring))
    }

    @Test func geodesicAreaOfASmallCircleIsNearlyPiRSquared() {
        // A 64-gon inscribed in a 10 km circle: planar area (n/2) r² sin(2π/n); curvature changes it < 1e-6.
        let r = 10_000.0, n = 64.0
        let ring = Geodesic.circle(center: raqqa, radius: Distance(meters: r), segments: 64)
        let expected = n / 2 * r * r * sin(2 * Double.pi / n)
        #expect(abs(Geodesic.area(of: .polygon([ring])) - expected) / expected < 1e-5)
        #expect(Geodesic.signedArea(ofRing: ring) > 0)
        #expect(Geodesic.signedArea(ofRing: ring.reversed()) < 0)
    }

    @Test func pointsAlongOneLineAreTheDirectSolutionsThemselves() {
        // One geodesic line with many positions stands in for a direct solution per point: bit for bit the same.
        var rng = SplitMix64(seed: 1977)
        for _ in 0..<2000 {
            let start = Coordinate(longitude: rng.uniform(-180, 180), latitude: rng.uniform(-89, 89))
            let bearing = Bearing(degrees: rng.uniform(0, 360))
            let distances = (0..<4).map { _ in Distance(meters: rng.uniform(0, 20_000_000)) }
            let along = Geodesic.destinations(from: start, bearing: bearing, distances: distances)
            #expect(along == distances.map { Geodesic.destination(from: start, distance: $0, bearing: bearing) })
        }
        let rings = Geodesic.circles(center: homs, radii: [.kilometers(40), .kilometers(8)], segments: 180)
        #expect(rings == [Geodesic.circle(center: homs, radius: .kilometers(40), segments: 180),
                          Geodesic.circle(center: homs, radius: .kilometers(8), segments: 180)])
        for p in rings[1] { #expect(abs(Geodesic.distance(from: homs, to: p).meters - 8_000) < 1e-6) }
    }
    @Test func reflectedHalfOfACircleIsTheSolvedHalf() {
        // The eastern half is the western half mirrored about the centre's meridian: within 1e-11° of solving
        // each point, and every point at the radius.
        var rng = SplitMix64(seed: 2026)
        for _ in 0..<500 {
            let center = Coordinate(longitude: rng.uniform(-180, 180), latitude: rng.uniform(-89.9, 89.9))
            let radii = [Distance(meters: rng.uniform(1, 3_000_000)), Distance(meters: rng.uniform(1, 50_000))]
            let n = 8 + Int(rng.uniform(0, 200))
            let rings = Geodesic.circles(center: center, radii: radii, segments: n)
            let solved = Geodesic.solvedCircles(center: center, radii: radii, segments: n)
            for r in 0..<2 {
                #expect(rings[r].count == n + 1 && rings[r].first == rings[r].last)
                for (p, q) in zip(rings[r], solved[r]) {
                    #expect(abs(p.latitude - q.latitude) < 1e-11 && abs(p.longitude - q.longitude) < 1e-11)
                    #expect(abs(Geodesic.distance(from: center, to: p).meters - radii[r].meters) < 1e-6)
                }
            }
        }
        // Around a pole and across the antimeridian no half is reflected: the rings are the solved ones.
        for (center, radius) in [(Coordinate(longitude: 30, latitude: 85), Distance.kilometers(1_000)),
                                 (Coordinate(longitude: 179.95, latitude: 10), Distance.kilometers(50)),
                                 (Coordinate(longitude: -179.95, latitude: -10), Distance.kilometers(50))] {
            #expect(Geodesic.circles(center: center, radii: [radius], segments: 90)
                    == Geodesic.solvedCircles(center: center, radii: [radius], segments: 90))
        }
    }

    /// The distance alone (no azimuths asked of GeographicLib) is the inverse solution's, to the bit.
    @Test func distanceIsTheInversesDistance() {
        var rng = SplitMix64(seed: 42)
        for _ in 0..<20_000 {
            let a = Coordinate(longitude: rng.uniform(-180, 180), latitude: rng.uniform(-90, 90))
            // Near pairs as disambiguation asks (a few km to a few hundred), and any pair on the globe.
            let b = rng.uniform(0, 1) < 0.5
                ? Coordinate(longitude: max(-180, min(180, a.longitude + rng.uniform(-3, 3))), latitude: max(-90, min(90, a.latitude + rng.uniform(-3, 3))))
                : Coordinate(longitude: rng.uniform(-180, 180), latitude: rng.uniform(-90, 90))
            #expect(Geodesic.distance(from: a, to: b).meters.bitPattern == Geodesic.inverse(from: a, to: b).distance.meters.bitPattern)
        }
    }
}
