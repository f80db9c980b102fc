/// A direction as a geodesic azimuth: degrees clockwise from true north, normalised to [0, 360).
public struct Bearing: Hashable, Sendable, Codable, CustomStringConvertible {
    public let degrees: Degrees

    public init(degrees: Degrees) {
        var d = degrees.truncatingRemainder(dividingBy: 360)
        if d < 0 { d += 360 }
        if d >= 360 { d = 0 }   // -1e-17 + 360 rounds up to 360
        self.degrees = d
    }

    /// The bearing pointing the opposite way.
    public var reversed: Bearing { Bearing(degrees: degrees + 180) }

    /// The nearest of the 16 compass points.
    public var compassPoint: CompassPoint { CompassPoint(nearest: self) }

    /// Smallest angle between two bearings, in [0, 180].
    public func angle(to other: Bearing) -> Degrees {
        let d = abs(degrees - other.degrees).truncatingRemainder(dividingBy: 360)
        return d > 180 ? 360 - d : d
    }

    public var description: String { "\(formatFixed(degrees, decimals: 4))°" }
}
