import Foundation
import GeoCore

/// The mentions' readings as a disambiguation pass begins, sorted by latitude and by longitude, so that the
/// reading nearest to a point is found by searching outward from it instead of scanning every mention.
///
/// The distance ranked on is squared degrees with longitude scaled by cos(latitude); it is at least the squared
/// latitude gap, and at least the squared scaled longitude gap, so a search along either order stops where that
/// gap alone exceeds the best distance found. A reading in another country (the Libyan Homs) lies far in
/// longitude from a report's places: along longitude its search stops after a few.
struct SortedReadings {
    private let byLatitude: [Int], latitudes: [Double]
    private let byLongitude: [Int], longitudes: [Double]
    private let positions: [Coordinate]

    init(positions: [Coordinate]) {
        self.positions = positions
        byLatitude = positions.indices.sorted { (positions[$0].latitude, $0) < (positions[$1].latitude, $1) }
        latitudes = byLatitude.map { positions[$0].latitude }
        byLongitude = positions.indices.sorted { (positions[$0].longitude, $0) < (positions[$1].longitude, $1) }
        longitudes = byLongitude.map { positions[$0].longitude }
    }

    /// The mention (among those `include` accepts) whose reading is nearest to `c`, the lowest index among
    /// equals: the answer of a scan over all mentions in index order keeping the first strictly nearer one.
    func nearest(to c: Coordinate, include: (Int) -> Bool) -> Int? {
        guard !positions.isEmpty else { return nil }
        let k = cos(c.latitude * .pi / 180)
        var best: Int?
        var bestD = Double.infinity
        func consider(_ j: Int) {
            guard include(j) else { return }
            let p = positions[j]
            var dl = abs(p.longitude - c.longitude)
            if dl > 180 { dl = 360 - dl }
            let d = (dl * k) * (dl * k) + (p.latitude - c.latitude) * (p.latitude - c.latitude)
            if d < bestD || (d == bestD && j < best!) { bestD = d; best = j }
        }
        // Along longitude only where no reading is more than 180° away (no wrap at the antimeridian), and only
        // when longitude separates the point from the readings more than latitude does.
        let lonSpan = (longitudes.first!, longitudes.last!), latSpan = (latitudes.first!, latitudes.last!)
        let lonGap = max(0, lonSpan.0 - c.longitude, c.longitude - lonSpan.1) * k
        let latGap = max(0, latSpan.0 - c.latitude, c.latitude - latSpan.1)
        let noWrap = c.longitude - lonSpan.0 <= 180 && lonSpan.1 - c.longitude <= 180
        if noWrap, lonGap > latGap {
            search(longitudes, byLongitude, from: c.longitude, scale: k, bestD: { bestD }, consider)
        } else {
            search(latitudes, byLatitude, from: c.latitude, scale: 1, bestD: { bestD }, consider)
        }
        return best
    }

    /// Visits `order` outward from `value` in `keys` (sorted), nearest key first, until the scaled key gap
    /// alone exceeds the best distance.
    private func search(_ keys: [Double], _ order: [Int], from value: Double, scale: Double, bestD: () -> Double,
                        _ consider: (Int) -> Void) {
        var lo = 0, hi = keys.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if keys[mid] < value { lo = mid + 1 } else { hi = mid }
        }
        var up = lo, down = lo - 1
        while up < keys.count || down >= 0 {
            let gapUp = up < keys.count ? (keys[up] - value) * scale : .infinity
            let gapDown = down >= 0 ? (value - keys[down]) * scale : .infinity
            if gapUp <= gapDown {
                if gapUp * gapUp > bestD() { break }
                consider(order[up]); up += 1
            } else {
                if gapDown * gapDown > bestD() { break }
                consider(order[down]); down -= 1
            }
        }
    }
}
