import Foundation
import GeoCore
import Geodesy

/// Shapes of "where can this be?" built from geodesics on WGS84: every vertex is a geodesic direct solution
/// from the centre (or, on a disc, the mirror image of one: `Geodesic.circles`), arcs densified to at most 2° or
/// 5 km between vertices (on an arc of under 66 km radius, as far apart as keeps every chord within `sagitta` of
/// the arc: a 10 km disc has 71 vertices, GEOS's default buffer 32) and radial edges to 5 km steps, so the
/// polygon follows the true locus, not a circle drawn in degrees.
public enum UncertaintyArea {
    /// Annular sector: distances `inner`…`outer` from `center`, azimuths `bearing` ± `halfWidth` (degrees).
    /// With `inner` = 0 a plain sector; with `halfWidth` ≥ 180 a disc or an annulus (a polygon with a hole).
    public static func sector(center: Coordinate, inner: Distance, outer: Distance, bearing: Double, halfWidth: Double) -> GeoJSONGeometry {
        if halfWidth >= 180 {
            let n = segments(360, outer)
            guard inner.meters > 0 else { return .polygon([Geodesic.circle(center: center, radius: outer, segments: n)]) }
            // Rings of as many points lie on the same azimuths: one geodesic line each for both.
            let rings = segments(360, inner) == n ? Geodesic.circles(center: center, radii: [outer, inner], segments: n)
                : [Geodesic.circle(center: center, radius: outer, segments: n), Geodesic.circle(center: center, radius: inner, segments: segments(360, inner))]
            return .polygon([rings[0], Array(rings[1].reversed())])
        }
        let from = bearing - halfWidth, to = bearing + halfWidth
        // Counter-clockwise on the map: along the outer arc with decreasing azimuth, back along the inner arc.
        var ring: [Coordinate] = []
        let n = segments(2 * halfWidth, outer)
        for k in 0...n {
            ring.append(point(center, outer, to - Double(k) * (to - from) / Double(n)))
        }
        ring += radial(center, from: outer, to: inner, azimuth: from)
        if inner.meters > 0 {
            let m = segments(2 * halfWidth, inner)
            for k in 0...m { ring.append(point(center, inner, from + Double(k) * (to - from) / Double(m))) }
        } else {
            ring.append(center)
        }
        ring += radial(center, from: inner, to: outer, azimuth: to)
        ring.append(ring[0])
        return .polygon([dedup(ring)])
    }

    /// Whether `sector` with these arguments is a valid polygon as built, so that GEOS need not be asked: a
    /// geodesic sector or ring is a simple curve on the ellipsoid, and plate carrée keeps it simple away from
    /// the poles and the antimeridian; its chords stray 10 m at most from the arcs, and radii at least 5° apart
    /// (or a full ring) and a band at least 100 m and 1 % of the outer radius wide keep them apart. Up to
    /// 1,000 km from a centre within 70° of the equator and 130° of Greenwich the vertices stay under 80° of
    /// latitude and 180° of longitude (`UncertaintyAreaValidityTests` checks the claim against GEOS).
    public static func isValidAsBuilt(center: Coordinate, inner: Distance, outer: Distance, halfWidth: Double) -> Bool {
        guard halfWidth >= 180 || (halfWidth >= 2.5 && halfWidth <= 170) else { return false }
        guard abs(center.latitude) <= 70, abs(center.longitude) <= 130 else { return false }
        guard outer.meters <= 1_000_000, inner.meters >= 0 else { return false }
        return outer.meters - inner.meters >= max(100, outer.meters / 100)
    }

    /// Radius of the smallest circle about `point` holding the area: the farthest vertex, geodesically.
    ///
    /// Great-circle distances on the mean-radius sphere differ from WGS84 geodesics by less than 0.6 %, so a
    /// vertex whose spherical distance is under 98 % of the largest one cannot be the farthest: only the
    /// few others get the (twenty times dearer) geodesic solution. The answer is the geodesic maximum itself.
    public static func radius(of area: GeoJSONGeometry, around point: Coordinate) -> Distance {
        let vertices = area.allCoordinates
        guard !vertices.isEmpty else { return Distance(meters: 0) }
        let spherical = vertices.map { sphericalAngle(from: point, to: $0) }
        let cutoff = spherical.max()! * 0.98
        var farthest = 0.0
        for (k, v) in vertices.enumerated() where spherical[k] >= cutoff {
            farthest = max(farthest, Geodesic.distance(from: point, to: v).meters)
        }
        return Distance(meters: farthest)
    }

    /// Central angle between two points on a sphere (haversine), in radians: a ranking, not a measurement.
    static func sphericalAngle(from a: Coordinate, to b: Coordinate) -> Double {
        let rad = Double.pi / 180
        let dLat = (b.latitude - a.latitude) * rad, dLon = (b.longitude - a.longitude) * rad
        let h = sin(dLat / 2) * sin(dLat / 2) + cos(a.latitude * rad) * cos(b.latitude * rad) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * asin(min(1, h.squareRoot()))
    }

    /// Analytic area of a small annular sector, (θ/2)(R² − r²), in m²: the check for the geodesic polygons.
    public static func planarSectorArea(inner: Distance, outer: Distance, halfWidth: Double) -> Double {
        let theta = min(360, 2 * halfWidth) * .pi / 180
        return theta / 2 * (outer.meters * outer.meters - inner.meters * inner.meters)
    }

    /// Farthest a chord of an arc strays from the arc it stands for.
    static let sagitta = Distance(meters: 10)

    static func point(_ c: Coordinate, _ d: Distance, _ azimuth: Double) -> Coordinate {
        Geodesic.destination(from: c, distance: d, bearing: Bearing(degrees: azimuth))
    }

    static func segments(_ degrees: Double, _ radius: Distance) -> Int {
        guard radius.meters > 0 else { return 1 }
        let stepForChord = 5_000 / radius.meters * 180 / .pi
        // Small circles: steps up to where a chord strays `sagitta` from the arc.
        let stepForSagitta = radius.meters <= sagitta.meters ? 180 : 2 * acos(1 - sagitta.meters / radius.meters) * 180 / .pi
        let step = min(max(2, stepForSagitta), stepForChord)
        return min(1440, max(8, Int(min(1440, (degrees / step).rounded(.up)))))
    }

    /// Intermediate points of a radial edge, strictly between the two distances.
    static func radial(_ c: Coordinate, from a: Distance, to b: Distance, azimuth: Double) -> [Coordinate] {
        let span = abs(b.meters - a.meters)
        // At most every 5 km over half the earth's circumference: a distance given by a library caller is bounded too.
        let n = Int(min(4_001, (span / 5_000).rounded(.up)))
        guard n > 1 else { return [] }
        return Geodesic.destinations(from: c, bearing: Bearing(degrees: azimuth),
                                     distances: (1..<n).map { k in Distance(meters: a.meters + (b.meters - a.meters) * Double(k) / Double(n)) })
    }

    static func dedup(_ ring: [Coordinate]) -> [Coordinate] {
        var out: [Coordinate] = []
        for c in ring where out.last != c { out.append(c) }
        return out
    }
}
