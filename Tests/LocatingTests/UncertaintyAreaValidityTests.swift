import Testing
import GeoCore
import Geometry
@testable import Locating
import TestSupport

/// The locator skips GEOS's validity check for a sector `UncertaintyArea.isValidAsBuilt` accepts: every sector it
/// accepts must be valid to GEOS.
@Suite struct UncertaintyAreaValidityTests {
    @Test func everySectorTheGuardAcceptsIsValidToGEOS() throws {
        let engine = try GeometryEngine()
        var rng = SplitMix64(seed: 1_206)
        var accepted = 0
        for k in 0..<12_000 {
            // Centres and sizes on both sides of the guard's bounds, widths at its edges and the locator's own.
            let center = Coordinate(longitude: rng.uniform(-140, 140), latitude: rng.uniform(-75, 75))
            let outer = k % 3 == 0 ? rng.uniform(50, 5_000) : rng.uniform(5_000, 1_100_000)
            let band = [0, 0.001, 0.01, 0.011, 0.5, 1][k % 6]
            let inner = k % 11 == 0 ? 0 : max(0, outer * (1 - band) - (k % 5 == 0 ? 100 : 0))
            let halfWidth = [2.5, 3, 22.5, 45, 67.5, 90, 135, 170, 180, rng.uniform(2.5, 170)][k % 10]
            let inside = Distance(meters: inner), outside = Distance(meters: outer)
            guard UncertaintyArea.isValidAsBuilt(center: center, inner: inside, outer: outside, halfWidth: halfWidth) else { continue }
            accepted += 1
            let area = UncertaintyArea.sector(center: center, inner: inside, outer: outside, bearing: rng.uniform(0, 360), halfWidth: halfWidth)
            let validity = try engine.validity(area)
            #expect(validity.isValid, "case \(k): \(center) \(inner)…\(outer) m ±\(halfWidth)°: \(validity.reason)")
        }
        #expect(accepted > 5_000)
    }

    @Test func theGuardTurnsDownSectorsGEOSFindsInvalid() throws {
        // A ring as wide as nothing (inner = outer): its hole touches its shell.
        let engine = try GeometryEngine()
        let center = Coordinate(longitude: 36.7, latitude: 35.1)
        let ring = UncertaintyArea.sector(center: center, inner: .kilometers(10), outer: .kilometers(10), bearing: 0, halfWidth: 180)
        #expect(try !engine.isValid(ring))
        #expect(!UncertaintyArea.isValidAsBuilt(center: center, inner: .kilometers(10), outer: .kilometers(10), halfWidth: 180))
        // A band of 1 m at 10 km, and a sector across the antimeridian, are left to GEOS too.
        #expect(!UncertaintyArea.isValidAsBuilt(center: center, inner: Distance(meters: 9_999), outer: .kilometers(10), halfWidth: 45))
        #expect(!UncertaintyArea.isValidAsBuilt(center: Coordinate(longitude: 179.9, latitude: 0), inner: .meters(0), outer: .kilometers(10), halfWidth: 45))
    }
}
