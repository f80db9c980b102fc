import Foundation
import Testing
import GeoCore
import TestSupport
@testable import Geodesy

@Suite struct TransformTests {
    @Test func utmZone37OnItsCentralMeridian() throws {
        // UTM's definition: on the central meridian (39°E for zone 37) easting is the false easting 500 000 m and
        // northing is 0.9996 × the meridian arc from the equator, which the geodesic inverse gives independently.
        let utm = try CoordinateTransform(from: "EPSG:4326", to: "EPSG:32637")
        let lat = 35.95283
        let p = try utm.transform(ProjectedPoint(x: 39, y: lat))
        let arc = Geodesic.distance(from: Coordinate(longitude: 39, latitude: 0), to: Coordinate(longitude: 39, latitude: lat))
        #expect(abs(p.x - 500_000) < 1e-6)
        #expect(abs(p.y - 0.9996 * arc.meters) < 0.001)
    }

    @Test func inputIsLongitudeFirstEvenForEPSG4326() throws {
        // EPSG:4326 is officially lat/lon; normalisation for visualisation makes both ends lon/lat.
        let t = try CoordinateTransform(from: "EPSG:4326", to: "EPSG:3857")
        let p = try t.transform(ProjectedPoint(x: 39.00788, y: 0))
        #expect(abs(p.x - 39.00788 * Double.pi / 180 * 6_378_137) < 1e-6)   // Web Mercator x = a·λ
        #expect(abs(p.y) < 1e-6)
    }

    @Test func forwardThenInverseReturnsTheInput() throws {
        let t = try CoordinateTransform(from: "EPSG:4326", to: "EPSG:32637")
        var xs = [39.00788, 36.72559, 37.16117], ys = [35.95283, 34.72405, 36.20124]
        let (x0, y0) = (xs, ys)
        try t.transform(xs: &xs, ys: &ys)
        #expect(xs.allSatisfy { $0 > 100_000 && $0 < 900_000 })
        try t.transform(xs: &xs, ys: &ys, inverse: true)
        for k in 0..<3 {
            #expect(abs(xs[k] - x0[k]) < 1e-9)
            #expect(abs(ys[k] - y0[k]) < 1e-9)
        }
    }

    @Test func unknownCRSBecomesASwiftErrorWithPROJsReason() {
        do {
            _ = try CoordinateTransform(from: "EPSG:4326", to: "EPSG:99999")
            Issue.record("expected an error")
        } catch {
            guard case .invalidDefinition(let def, let reason) = error else { Issue.record("\(error)"); return }
            #expect(def.contains("EPSG:99999"))
            #expect(reason.lowercased().contains("not found") || reason.lowercased().contains("crs"))
            #expect(!error.description.contains("\n"))
        }
    }

    @Test func azimuthalEquidistantKeepsDistancesFromTheCentre() throws {
        let local = try LocalProjection(center: raqqa)
        var rng = SplitMix64(seed: 42)
        for _ in 0..<200 {
            let p = Geodesic.destination(from: raqqa, distance: Distance(meters: rng.uniform(0, 400_000)),
                                         bearing: Bearing(degrees: rng.uniform(0, 360)))
            let xy = try local.project(p)
            let geodesic = Geodesic.distance(from: raqqa, to: p).meters
            #expect(abs((xy.x * xy.x + xy.y * xy.y).squareRoot() - geodesic) < 0.001)
            let back = try local.unproject(xy)
            #expect(Geodesic.distance(from: back, to: p).meters < 1e-6)
        }
    }

    /// The local projection is given to PROJ as an operation; the CRS-to-CRS transformation PROJ derives from
    /// EPSG:4326 to the same projected CRS gives the same metres.
    @Test(arguments: [LocalProjection.Kind.azimuthalEquidistant, .lambertAzimuthalEqualArea])
    func theLocalOperationIsWhatPROJDerivesFromEPSG4326(_ kind: LocalProjection.Kind) throws {
        let local = try LocalProjection(center: raqqa, kind: kind)
        let derived = try CoordinateTransform(from: "EPSG:4326", to: local.definition)
        var rng = SplitMix64(seed: 7)
        for _ in 0..<100 {
            let p = Geodesic.destination(from: raqqa, distance: Distance(meters: rng.uniform(0, 800_000)), bearing: Bearing(degrees: rng.uniform(0, 360)))
            let a = try local.project(p), b = try derived.transform(ProjectedPoint(x: p.longitude, y: p.latitude))
            #expect(abs(a.x - b.x) < 1e-6 && abs(a.y - b.y) < 1e-6, "\(p): \(a) vs \(b)")
            let back = try local.unproject(a), derivedBack = try derived.transform(a, inverse: true)
            #expect(abs(back.longitude - derivedBack.x) < 1e-11 && abs(back.latitude - derivedBack.y) < 1e-11,
                    "\(a): \(back) vs \(derivedBack)")
        }
        #expect(throws: ProjError.self) { try CoordinateTransform(operation: "+proj=nosuchprojection", source: "a", target: "b") }
    }
}
