import CPROJ
import GeoCore

/// The result of the inverse geodesic problem between two points on WGS84.
public struct GeodesicInverse: Hashable, Sendable {
    /// Length of the shortest path (the geodesic) between the points.
    public let distance: Distance
    /// Azimuth of the geodesic where it leaves the first point.
    public let initialBearing: Bearing
    /// Azimuth of the geodesic where it arrives at the second point (forward direction).
    public let finalBearing: Bearing
    /// Azimuth from the second point back to the first: the final bearing reversed.
    public var backBearing: Bearing { finalBearing.reversed }
}

/// Geodesics on the WGS84 ellipsoid through PROJ's `geodesic.h` (Karney's algorithms, accurate to ~15 nm).
/// No spherical shortcut: every distance, bearing and offset in geomap goes through here.
public enum Geodesic {
    /// WGS84: a = 6378137 m, f = 1/298.257223563 (EPSG:7030).
    public static let equatorialRadius: Meters = 6_378_137
    public static let flattening = 1 / 298.257223563

    /// The initialised ellipsoid, allocated once and never freed or written after initialisation, so sharing
    /// it across threads is safe. A pointer rather than a struct value: `geod_geodesic` holds ~60 series
    /// coefficients, and copying it for each call made geomap slower than pyproj.
    nonisolated(unsafe) static let wgs84: UnsafePointer<geod_geodesic> = {
        let g = UnsafeMutablePointer<geod_geodesic>.allocate(capacity: 1)
        g.initialize(to: geod_geodesic())
        geod_init(g, equatorialRadius, flattening)
        return UnsafePointer(g)
    }()

    /// Solves the inverse problem: distance and azimuths from `a` to `b`.
    public static func inverse(from a: Coordinate, to b: Coordinate) -> GeodesicInverse {
        var s12 = 0.0, azi1 = 0.0, azi2 = 0.0
        geod_inverse(wgs84, a.latitude, a.longitude, b.latitude, b.longitude, &s12, &azi1, &azi2)
        return GeodesicInverse(distance: Distance(meters: s12), initialBearing: Bearing(degrees: azi1),
                               finalBearing: Bearing(degrees: azi2))
    }

    /// Geodesic distance between two points.
    public static func distance(from a: Coordinate, to b: Coordinate) -> Distance {
        // The azimuths not asked for: GeographicLib then skips their arc tangents (the distance is the same).
        var s12 = 0.0
        geod_inverse(wgs84, a.latitude, a.longitude, b.latitude, b.longitude, &s12, nil, nil)
        return Distance(meters: s12)
    }

    /// Solves the direct problem: the point reached from `start` after `distance` along `bearing`.
    public static func destination(from start: Coordinate, distance: Distance, bearing: Bearing) -> Coordinate {
        direct(from: start, distance: distance, bearing: bearing).coordinate
    }

    /// The direct problem with the azimuth of arrival.
    public static func direct(from start: Coordinate, distance: Distance, bearing: Bearing)
        -> (coordinate: Coordinate, finalBearing: Bearing)
    {
        var lat2 = 0.0, lon2 = 0.0, azi2 = 0.0
        geod_direct(wgs84, start.latitude, start.longitude, bearing.degrees, distance.meters, &lat2, &lon2, &azi2)
        return (Coordinate(longitude: lon2, latitude: lat2), Bearing(degrees: azi2))
    }

    /// Geodesic area of a ring, in m², positive when counter-clockwise (edges are geodesics).
    public static func signedArea(ofRing ring: [Coordinate]) -> Double {
        var pts = ring
        if pts.count > 1, pts.first == pts.last { pts.removeLast() }
        guard pts.count >= 3 else { return 0 }
        var lats = pts.map(\.latitude), lons = pts.map(\.longitude)
        var area = 0.0, perimeter = 0.0
        geod_polygonarea(wgs84, &lats, &lons, Int32(pts.count), &area, &perimeter)
        return area
    }

    /// Area of a polygon or multipolygon on the ellipsoid in m²: exteriors minus holes, whatever their winding.
    public static func area(of geometry: GeoJSONGeometry) -> Double {
        geometry.polygons.reduce(0) { total, rings in
            guard let outer = rings.first else { return total }
            let holes = rings.dropFirst().reduce(0) { $0 + abs(signedArea(ofRing: $1)) }
            return total + abs(signedArea(ofRing: outer)) - holes
        }
    }

    /// A closed, counter-clockwise ring of `segments` points at geodesic distance `radius` from `center`:
    /// the true locus on the ellipsoid, not a circle drawn in degrees.
    public static func circle(center: Coordinate, radius: Distance, segments: Int = 72) -> [Coordinate] {
        circles(center: center, radii: [radius], segments: segments)[0]
    }

    /// `circle` at each of `radii` about one centre (an annulus's two rings): each azimuth's geodesic is set up
    /// once and every ring's point is a position on it.
    ///
    /// The ellipsoid is symmetric about the centre's meridian: the geodesic leaving at azimuth −α is the mirror
    /// image of the one leaving at α, so the western half (and the meridian's two points) is solved and the
    /// eastern half reflected (within 1e-11° of solving it, tested). Rings that reach 90° of longitude from the
    /// centre or past the antimeridian (around a pole) are solved whole.
    public static func circles(center: Coordinate, radii: [Distance], segments: Int = 72) -> [[Coordinate]] {
        precondition(segments >= 8, "a circle needs at least 8 segments")
        var rings = radii.map { _ in [Coordinate]() }
        for k in rings.indices { rings[k].reserveCapacity(segments + 1) }
        let lon0 = center.longitude
        var mirrored = true
        // Azimuths decreasing (N, W, S, E) trace the ring counter-clockwise on the lon/lat plane.
        func solve(_ k: Int) {
            var line = geod_geodesicline()
            geod_lineinit(&line, wgs84, center.latitude, lon0, 360 - Double(k) * 360 / Double(segments),
                          UInt32(GEOD_LATITUDE.rawValue | GEOD_LONGITUDE.rawValue | GEOD_DISTANCE_IN.rawValue))
            for r in radii.indices {
                var lat = 0.0, lon = 0.0
                geod_genposition(&line, 0, radii[r].meters, &lat, &lon, nil, nil, nil, nil, nil, nil)
                let offset = lon - lon0
                if !(abs(offset) < 90 && abs(lon0 - offset) <= 180) { mirrored = false }
                rings[r].append(Coordinate(longitude: lon, latitude: lat))
            }
        }
        let half = segments / 2
        for k in 0...half { solve(k) }
        if mirrored {
            // Azimuth 360 − k·s mirrors 360 − (n − k)·s: point k (k > half) is point n − k reflected.
            for r in rings.indices {
                for k in (half + 1)..<segments {
                    let p = rings[r][segments - k]
                    rings[r].append(Coordinate(longitude: lon0 - (p.longitude - lon0), latitude: p.latitude))
                }
            }
        } else {
            for k in (half + 1)..<segments { solve(k) }
        }
        for r in rings.indices { rings[r].append(rings[r][0]) }
        return rings
    }

    /// `circles` with every point solved (no reflection): what the reflected half is checked against.
    static func solvedCircles(center: Coordinate, radii: [Distance], segments: Int) -> [[Coordinate]] {
        var rings = radii.map { _ in [Coordinate]() }
        for k in 0..<segments {
            let points = destinations(from: center, bearing: Bearing(degrees: 360 - Double(k) * 360 / Double(segments)), distances: radii)
            for r in rings.indices { rings[r].append(points[r]) }
        }
        for r in rings.indices { rings[r].append(rings[r][0]) }
        return rings
    }

    /// The points reached from `start` along `bearing` after each of `distances`: one geodesic line
    /// (`geod_lineinit`), each point a position on it (`geod_genposition`): the very coordinates `destination`
    /// gives, without solving the direct problem again for each.
    public static func destinations(from start: Coordinate, bearing: Bearing, distances: [Distance]) -> [Coordinate] {
        var line = geod_geodesicline()
        geod_lineinit(&line, wgs84, start.latitude, start.longitude, bearing.degrees,
                      UInt32(GEOD_LATITUDE.rawValue | GEOD_LONGITUDE.rawValue | GEOD_DISTANCE_IN.rawValue))
        return distances.map { d in
            var lat = 0.0, lon = 0.0
            geod_genposition(&line, 0, d.meters, &lat, &lon, nil, nil, nil, nil, nil, nil)
            return Coordinate(longitude: lon, latitude: lat)
        }
    }
}
