import Foundation
import GeoCore
import Geodesy

/// A scale bar measured on the ellipsoid: a round length (1, 2 or 5 × 10ⁿ km) near a fifth of the map's
/// width, drawn as long as that geodesic distance is on the map at its centre.
public enum ScaleBar {
    public static func measure(_ frame: MapFrame) -> (kilometers: Double, pixels: Double)? {
        let c = frame.extent.center
        guard let p0 = frame.pixel(c) else { return nil }
        func pixels(_ km: Double) -> Double? {
            let end = Geodesic.destination(from: c, distance: .kilometers(km), bearing: Bearing(degrees: 90))
            guard let p1 = frame.pixel(end) else { return nil }
            return ((p1.x - p0.x) * (p1.x - p0.x) + (p1.y - p0.y) * (p1.y - p0.y)).squareRoot()
        }
        guard let perKm = pixels(1), perKm > 0 else { return nil }
        let target = frame.width / 5 / perKm
        let magnitude = pow(10, (log10(target)).rounded(.down))
        let km = [1.0, 2, 5, 10].map { $0 * magnitude }.last { $0 <= target } ?? magnitude
        guard let px = pixels(km) else { return nil }
        return (km, px)
    }
}
