import GeoCore
import Geodesy

/// Geodesic distances from a reading (an index place) to a position, in a `DirectMappedMemo` keyed by place and
/// position: disambiguation asks for the same pairs in both passes and in every report naming the same places.
/// The answer is always the geodesic's. Not Sendable: one per worker.
struct DistanceMemo {
    struct Key: Equatable {
        let place: Int
        let latitude: UInt64, longitude: UInt64
    }
    private var memo: DirectMappedMemo<Key, Double>

    /// `slots` (a power of two) distances at most; 0 remembers nothing.
    init(slots: Int) { memo = DirectMappedMemo(slots: slots) }

    /// The geodesic distance from `from` (the position of index place `place`) to `to`.
    mutating func distance(_ place: Int, from: Coordinate, to: Coordinate) -> Distance {
        guard memo.slots > 0 else { return Geodesic.distance(from: from, to: to) }
        var h = UInt64(truncatingIfNeeded: place) &* 0x9E37_79B9_7F4A_7C15
        h ^= to.latitude.bitPattern &* 0xBF58_476D_1CE4_E5B9
        h ^= to.longitude.bitPattern &* 0x94D0_49BB_1331_11EB
        let key = Key(place: place, latitude: to.latitude.bitPattern, longitude: to.longitude.bitPattern)
        return Distance(meters: memo.value(for: key, hash: h) { _ in Geodesic.distance(from: from, to: to).meters })
    }
}
