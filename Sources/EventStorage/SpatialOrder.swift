import GeoCore

/// A Z-order (Morton) key of a point: points close on the map mostly get close keys. Rows written in this
/// order sit near their neighbours on disk, so a spatial query reads a few pages instead of one per row.
public enum SpatialOrder {
    public static func key(_ c: Coordinate) -> UInt64 {
        let x = UInt64(((c.longitude + 180) / 360 * 4_294_967_295).rounded(.down).clamped(0, 4_294_967_295))
        let y = UInt64(((c.latitude + 90) / 180 * 4_294_967_295).rounded(.down).clamped(0, 4_294_967_295))
        return spread(x) | (spread(y) << 1)
    }

    /// The 32 low bits of `v` moved to the even bit positions.
    static func spread(_ v: UInt64) -> UInt64 {
        var x = v & 0xFFFF_FFFF
        x = (x | (x << 16)) & 0x0000_FFFF_0000_FFFF
        x = (x | (x << 8)) & 0x00FF_00FF_00FF_00FF
        x = (x | (x << 4)) & 0x0F0F_0F0F_0F0F_0F0F
        x = (x | (x << 2)) & 0x3333_3333_3333_3333
        x = (x | (x << 1)) & 0x5555_5555_5555_5555
        return x
    }

    /// Indexes of the events in Z-order of their points.
    public static func order(_ events: [EventRecord]) -> [Int] {
        var keyed = events.indices.map { (key: key(events[$0].point), index: Int32($0)) }
        keyed.sort { $0.key < $1.key }
        return keyed.map { Int($0.index) }
    }
}

private extension Double {
    func clamped(_ lo: Double, _ hi: Double) -> Double { Swift.min(hi, Swift.max(lo, self)) }
}
