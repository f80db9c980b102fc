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
        // Mentions at one point grouped by sorting on the point's bits (no hash table, no list per point); points
        // numbered by their first mention, members in increasing order.
        let bySpot = positions.indices.sorted { i, j in
            let a = positions[i], b = positions[j]
            if a.latitude.bitPattern != b.latitude.bitPattern { return a.latitude.bitPattern < b.latitude.bitPattern }
            if a.longitude.bitPattern != b.longitude.bitPattern { return a.longitude.bitPattern < b.longitude.bitPattern }
            return i < j
        }
        func samePoint(_ i: Int, _ j: Int) -> Bool {
            positions[i].latitude.bitPattern == positions[j].latitude.bitPattern
                && positions[i].longitude.bitPattern == positions[j].longitude.bitPattern
        }
        var groups: [Range<Int>] = []
        var lo = 0
        for k in bySpot.indices.dropFirst() where !samePoint(bySpot[k], bySpot[lo]) {
            groups.append(lo..<k)
            lo = k
        }
        if !bySpot.isEmpty { groups.append(lo..<bySpot.count) }
        groups.sort { bySpot[$0.lowerBound] < bySpot[$1.lowerBound] }
        var points: [Coordinate] = [], members: [Int] = [], starts = [0]
        points.reserveCapacity(groups.count)
        members.reserveCapacity(positions.count)
        starts.reserveCapacity(groups.count + 1)
        for g in groups {
            points.append(positions[bySpot[g.lowerBound]])
            members.append(contentsOf: bySpot[g])
            starts.append(members.count)
        }
        var order = Array(points.indices)
        Self.build(&order, points, 0..<order.count, latitude: true)
        self.points = points
        self.members = members
        self.starts = starts
        self.order = order
        lonSpan = points.isEmpty ? (0, 0) : (points.map(\.longitude).min()!, points.map(\.longitude).max()!)
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
