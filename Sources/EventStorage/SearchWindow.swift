import GeoCore
import Geodesy

/// Index boxes that together hold every point within a geodesic distance of a centre: the latitude span
/// from the meridian (the northernmost and southernmost points of a geodesic circle lie on it), the
/// longitude half-width from the circle itself, split at ±180°, widened to the full circle of longitudes
/// around a pole the circle contains.
public enum SearchWindow {
    public static func boxes(around center: Coordinate, radius: Distance) -> [BoundingBox] {
        let r = radius.meters
        func destination(_ azimuth: Double) -> Coordinate {
            Geodesic.destination(from: center, distance: radius, bearing: Bearing(degrees: azimuth))
        }
        let north = Geodesic.inverse(from: center, to: Coordinate(longitude: center.longitude, latitude: 90)).distance.meters
        let south = Geodesic.inverse(from: center, to: Coordinate(longitude: center.longitude, latitude: -90)).distance.meters
        // A small margin: the index stores 32-bit floats and the longitude extent is found by sampling.
        let pad = 1e-7
        if r >= north || r >= south {
            let top = r >= north ? 90 : destination(0).latitude + pad
            let bottom = r >= south ? -90 : destination(180).latitude - pad
            return [BoundingBox(west: -180, south: max(-90, bottom), east: 180, north: min(90, top))]
        }
        let top = min(90, destination(0).latitude + pad)
        let bottom = max(-90, destination(180).latitude - pad)
        // Widest longitude offset over the circle: sampled every degree of azimuth, then refined around the best.
        func offset(_ az: Double) -> Double {
            let p = destination(az)
            return abs(Coordinate.wrapLongitude(p.longitude - center.longitude))
        }
        var bestAz = 90.0, best = offset(90)
        for step in 0...180 {
            let v = offset(Double(step))
            if v > best { best = v; bestAz = Double(step) }
        }
        var lo = max(0, bestAz - 1), hi = min(180, bestAz + 1)
        for _ in 0..<40 {   // golden-section search: the offset is unimodal around its peak
            let a = hi - (hi - lo) * 0.618_033_988_75, b = lo + (hi - lo) * 0.618_033_988_75
            if offset(a) < offset(b) { lo = a } else { hi = b }
        }
        let half = max(best, offset((lo + hi) / 2)) * (1 + 1e-6) + pad
        if half >= 180 { return [BoundingBox(west: -180, south: bottom, east: 180, north: top)] }
        let west = center.longitude - half, east = center.longitude + half
        if west < -180 {
            return [BoundingBox(west: west + 360, south: bottom, east: 180, north: top), BoundingBox(west: -180, south: bottom, east: east, north: top)]
        }
        if east > 180 {
            return [BoundingBox(west: west, south: bottom, east: 180, north: top), BoundingBox(west: -180, south: bottom, east: east - 360, north: top)]
        }
        return [BoundingBox(west: west, south: bottom, east: east, north: top)]
    }
}
