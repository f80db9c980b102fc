import Foundation
import GeoCore

/// The mentions' readings as a disambiguation pass begins, in a 2-d tree (latitude and longitude splits in
/// turn), so that the reading nearest to a point is found by descending toward it and visiting only the
/// branches that could hold a nearer one, instead of scanning every mention.
///
/// Mentions read as the same point share one node (a report names its towns again and again, and the mentions
/// of the very place asked about are the ones `include` turns down). The distance ranked on is squared degrees
/// with longitude scaled by cos(latitude) of the point asked about. Across a latitude split it is at least the
/// squared latitude gap; across a longitude split at least the squared scaled longitude gap, where no reading
/// lies more than 180° of longitude from the point (else the shorter way may cross the antimeridian, and both
/// sides are visited).
struct ReadingTree {
    /// The distinct points, and the mentions at each in increasing order: those of point i are
    /// `members[starts[i]..<starts[i + 1]]`.
    private let points: [Coordinate]
    private let members: [Int], starts: [Int]
    /// Point indexes laid out as the tree: the node of a range is its middle, its halves the branches.
    private let order: [Int]
    private let lonSpan: (Double, Double)

    init(positions: [Coordinate]) {
        var points: [Coordinate] = [], mentions: [[Int]] = []
        var numbers: [PointKey: Int] = [:]
        for (m, p) in positions.enumerated() {
            let key = PointKey(latitude: p.latitude.bitPattern, longitude: p.longitude.bitPattern)
            if let n = numbers[key] { mentions[n].append(m); continue }
            numbers[key] = points.count
            points.append(p)
            mentions.append([m])
        }
        var order = Array(points.indices)
        Self.build(&order, points, 0..<order.count, latitude: true)
        self.points = points
        members = mentions.flatMap { $0 }
        var starts = [0]
        for list in mentions { starts.append(starts.last! + list.count) }
        self.starts = starts
        self.order = order
        lonSpan = points.isEmpty ? (0, 0) : (points.map(\.longitude).min()!, points.map(\.longitude).max()!)
    }

    private struct PointKey: Hashable {
        let latitude: UInt64, longitude: UInt64
    }

    private static func build(_ order: inout [Int], _ points: [Coordinate], _ range: Range<Int>, latitude: Bool) {
        guard range.count > 1 else { return }
        func key(_ j: Int) -> Double { latitude ? points[j].latitude : points[j].longitude }
        order[range].sort { (key($0), $0) < (key($1), $1) }
        let mid = (range.lowerBound + range.upperBound) / 2
        build(&order, points, range.lowerBound..<mid, latitude: !latitude)
        build(&order, points, (mid + 1)..<range.upperBound, latitude: !latitude)
    }

    /// The mention (among those `include` accepts) whose reading is nearest to `c`, the lowest index among
    /// equals: the answer of a scan over all mentions in index order keeping the first strictly nearer one.
    func nearest(to c: Coordinate, include: (Int) -> Bool) -> Int? {
        guard !points.isEmpty else { return nil }
        let k = cos(c.latitude * .pi / 180)
        let noWrap = c.longitude - lonSpan.0 <= 180 && lonSpan.1 - c.longitude <= 180
        var best: Int?
        var bestD = Double.infinity
        // Ranges still to visit (on the stack: at most one more per level of the tree, plus the root), with the
        // split axis and the least distance any reading in them can have.
        let capacity = 2 * (Int.bitWidth - order.count.leadingZeroBitCount) + 2
        withUnsafeTemporaryAllocation(of: (lower: Int, upper: Int, latitude: Bool, bound: Double).self, capacity: capacity) { pending in
            pending[0] = (0, order.count, true, 0)
            var top = 1
            while top > 0 {
                top -= 1
                let (lo, hi, latitude, bound) = pending[top]
                // Ties are visited: the lower index wins them.
                guard lo < hi, bound <= bestD else { continue }
                let mid = (lo + hi) / 2
                let point = order[mid]
                let p = points[point]
                var dl = abs(p.longitude - c.longitude)
                if dl > 180 { dl = 360 - dl }
                let d = (dl * k) * (dl * k) + (p.latitude - c.latitude) * (p.latitude - c.latitude)
                if d <= bestD {
                    for i in starts[point]..<starts[point + 1] {
                        let m = members[i]
                        if d == bestD, m >= best! { break }
                        if include(m) { bestD = d; best = m; break }
                    }
                }
                guard hi - lo > 1 else { continue }
                // The point's own side is visited first (pushed last); the other holds nothing nearer than the gap.
                let gap = latitude ? c.latitude - p.latitude : (c.longitude - p.longitude) * k
                let farBound = latitude || noWrap ? max(bound, gap * gap) : bound
                if gap < 0 {
                    pending[top] = (mid + 1, hi, !latitude, farBound); pending[top + 1] = (lo, mid, !latitude, bound)
                } else {
                    pending[top] = (lo, mid, !latitude, farBound); pending[top + 1] = (mid + 1, hi, !latitude, bound)
                }
                top += 2
            }
        }
        return best
    }
}
