import Foundation
import GeoCore

/// The mentions' readings as a disambiguation pass begins, sorted by latitude, so that the reading nearest to
/// a point is found by searching outward from its latitude instead of scanning every mention: the distance
/// ranked on (squared degrees, longitude scaled by cos(latitude)) is at least the squared latitude gap, so the
/// search stops where that gap alone exceeds the best distance found.
struct ReadingsByLatitude {
    private let order: [Int]
    private let latitudes: [Double]
    private let positions: [Coordinate]

    init(positions: [Coordinate]) {
        self.positions = positions
        order = positions.indices.sorted { (positions[$0].latitude, $0) < (positions[$1].latitude, $1) }
        latitudes = order.map { positions[$0].latitude }
    }

    /// The mention (among those `include` accepts) whose reading is nearest to `c`, the lowest index among
    /// equals: the answer of a scan over all mentions in index order keeping the first strictly nearer one.
    func nearest(to c: Coordinate, include: (Int) -> Bool) -> Int? {
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
        var lo = 0, hi = latitudes.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if latitudes[mid] < c.latitude { lo = mid + 1 } else { hi = mid }
        }
        var up = lo, down = lo - 1
        while up < latitudes.count || down >= 0 {
            let gapUp = up < latitudes.count ? latitudes[up] - c.latitude : .infinity
            let gapDown = down >= 0 ? c.latitude - latitudes[down] : .infinity
            if gapUp <= gapDown {
                if gapUp * gapUp > bestD { break }
                consider(order[up]); up += 1
            } else {
                if gapDown * gapDown > bestD { break }
                consider(order[down]); down -= 1
            }
        }
        return best
    }
}
