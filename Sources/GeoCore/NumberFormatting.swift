import Foundation

/// `value` with exactly `decimals` digits after the point ("-0" printed as "0"), independent of locale.
public func formatFixed(_ value: Double, decimals: Int) -> String {
    let s = String(format: "%.\(decimals)f", value)
    if s.hasPrefix("-"), s.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { return String(s.dropFirst()) }
    return s
}

/// The shortest text that reads back as `value` ("80" rather than "80.0").
public func formatShortest(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return "\(value)"
}

/// `value` rounded half away from zero to `decimals` places: what GeoJSON output carries.
public func roundTo(_ value: Double, decimals: Int) -> Double {
    let scale = pow(10.0, Double(decimals))
    let r = (value * scale).rounded(.toNearestOrAwayFromZero) / scale
    return r == 0 ? 0 : r   // no "-0" in output
}
