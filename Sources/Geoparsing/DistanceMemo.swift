import GeoCore
import Geodesy

/// Geodesic distances from a reading (an index place) to a position, remembered direct-mapped by place and
/// position (a newer pair takes the slot): disambiguation asks for the same pairs in both passes and in every
/// report naming the same places. The answer is always the geodesic's. Not Sendable: one per worker.
struct DistanceMemo {
    private struct Entry {
        var place = -1
        var latitude = 0.0, longitude = 0.0
        var meters = 0.0
    }
    private var entries: [Entry]
    private let mask: Int

    /// `slots` (a power of two) distances at most; 0 remembers nothing.
    init(slots: Int) {
        precondition(slots == 0 || slots & (slots - 1) == 0, "slots is a power of two")
        entries = Array(repeating: Entry(), count: slots)
        mask = slots - 1
    }

    /// The geodesic distance from `from` (the position of index place `place`) to `to`.
    mutating func distance(_ place: Int, from: Coordinate, to: Coordinate) -> Distance {
        guard !entries.isEmpty else { return Geodesic.distance(from: from, to: to) }
        var h = UInt64(truncatingIfNeeded: place) &* 0x9E37_79B9_7F4A_7C15
        h ^= to.latitude.bitPattern &* 0xBF58_476D_1CE4_E5B9
        h ^= to.longitude.bitPattern &* 0x94D0_49BB_1331_11EB
        let slot = Int(truncatingIfNeeded: h ^ (h >> 31)) & mask
        let e = entries[slot]
        if e.place == place, e.latitude.bitPattern == to.latitude.bitPattern, e.longitude.bitPattern == to.longitude.bitPattern {
            return Distance(meters: e.meters)
        }
        let d = Geodesic.distance(from: from, to: to)
        entries[slot] = Entry(place: place, latitude: to.latitude, longitude: to.longitude, meters: d.meters)
        return d
    }
}
