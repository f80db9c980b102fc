import Foundation
import Testing
import GeoCore
import Geodesy
@testable import Locating

/// How closely an uncertainty area's polygon follows its arcs: chords of at most 5 km and 2°, except that an arc of
/// under 66 km radius is cut only as finely as keeps each chord within 10 m of it.
@Suite struct ArcDensityTests {
    // Al-Bab, GeoNames 174018 (cities500): 36.37051 N, 37.5157 E.
    static let alBab = Coordinate(longitude: 37.5157, latitude: 36.37051)

    @Test(arguments: [0.3, 1.0, 5.0, 10.0, 30.0, 65.0, 70.0, 120.0, 400.0])
    func discChordsStayWithinTenMetresAndFiveKilometres(_ km: Double) throws {
        let radius = km * 1000
        guard case .polygon(let rings) = UncertaintyArea.sector(center: Self.alBab, inner: .meters(0), outer: .meters(radius), bearing: 0, halfWidth: 180)
        else { Issue.record("not a polygon"); return }
        let ring = rings[0]
        let n = ring.count - 1
        var widest = 0.0
        for k in 0..<n {
            let a = ring[k], b = ring[k + 1]
            #expect(Geodesic.distance(from: a, to: b).meters <= 5_000 + 1e-6)
            // The chord as GEOS draws it (straight in longitude and latitude) at its middle.
            let middle = Coordinate(longitude: (a.longitude + b.longitude) / 2, latitude: (a.latitude + b.latitude) / 2)
            widest = max(widest, radius - Geodesic.distance(from: Self.alBab, to: middle).meters)
        }
        // Under 66 km, 10 m; beyond, what a 2° step strays (at most 22 m, where 2° is 5 km), plus the chord's
        // curvature in degrees (0.5 m).
        let allowed = radius < 65_700 ? 10 : radius * (1 - cos(.pi / 180))
        #expect(widest <= allowed + 0.5, "\(km) km: a chord strays \(widest) m")
        #expect(n >= 8 && n <= 1440, "\(km) km: \(n) segments")
        // No finer than needed: one segment fewer would stray more than 10 m, step more than 2° or make a chord
        // longer than 5 km.
        let step = 2 * Double.pi / Double(n - 1)
        let coarser = radius * (1 - cos(step / 2))
        #expect(n == 8 || coarser > 10 || step * 180 / .pi > 2 || 2 * radius * sin(step / 2) > 5_000,
                "\(km) km: \(n) segments where \(n - 1) stray \(coarser) m")
    }

    @Test func aTenKilometreDiscHasSeventyOneVertices() throws {
        // 2·acos(1 − 10 m / 10 km) = 5.125°: 71 steps round (the 2° rule alone gave 180, straying 1.5 m).
        guard case .polygon(let rings) = UncertaintyArea.sector(center: Self.alBab, inner: .meters(0), outer: .kilometers(10), bearing: 0, halfWidth: 180)
        else { Issue.record("not a polygon"); return }
        #expect(rings[0].count == 72)
    }
}
