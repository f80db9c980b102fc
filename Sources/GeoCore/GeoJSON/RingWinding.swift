/// Ring orientation on the lon/lat plane, which is what RFC 7946's right-hand rule refers to.
public enum RingWinding {
    /// Twice the signed planar area of a ring (shoelace): positive when counter-clockwise.
    public static func signedArea2(_ ring: [Coordinate]) -> Double {
        guard ring.count >= 3 else { return 0 }
        var sum = 0.0
        for k in 0..<(ring.count - 1) {
            let a = ring[k], b = ring[k + 1]
            sum += (a.longitude * b.latitude) - (b.longitude * a.latitude)
        }
        if ring.first != ring.last, let a = ring.last, let b = ring.first {
            sum += (a.longitude * b.latitude) - (b.longitude * a.latitude)
        }
        return sum
    }

    public static func isCounterClockwise(_ ring: [Coordinate]) -> Bool { signedArea2(ring) > 0 }

    /// `ring` reversed when needed so that it runs counter-clockwise (`true`) or clockwise (`false`).
    public static func oriented(_ ring: [Coordinate], counterClockwise: Bool) -> [Coordinate] {
        let area = signedArea2(ring)
        if area == 0 || (area > 0) == counterClockwise { return ring }
        return ring.reversed()
    }
}

extension GeoJSONGeometry {
    /// Exterior rings counter-clockwise, holes clockwise (RFC 7946 §3.1.6), rewinding rings as needed.
    public func withRFC7946Winding() -> GeoJSONGeometry {
        func wind(_ rings: [[Coordinate]]) -> [[Coordinate]] {
            rings.enumerated().map { RingWinding.oriented($0.element, counterClockwise: $0.offset == 0) }
        }
        switch self {
        case .polygon(let rs): return .polygon(wind(rs))
        case .multiPolygon(let ps): return .multiPolygon(ps.map(wind))
        case .geometryCollection(let gs): return .geometryCollection(gs.map { $0.withRFC7946Winding() })
        default: return self
        }
    }
}
