import Foundation
import GeoCore
import EventStorage

/// Reference computations written here, independently of PROJ, GEOS and SQLite, to check the store against.
enum Independent {
    /// Vincenty's inverse formula on WGS84 (accurate to well under a millimetre away from antipodes).
    static func distance(_ p: Coordinate, _ q: Coordinate) -> Double {
        let a = 6_378_137.0, f = 1 / 298.257223563, b = a * (1 - f)
        var L = (q.longitude - p.longitude) * .pi / 180
        if L > .pi { L -= 2 * .pi } else if L < -.pi { L += 2 * .pi }
        let U1 = atan((1 - f) * tan(p.latitude * .pi / 180)), U2 = atan((1 - f) * tan(q.latitude * .pi / 180))
        let sinU1 = sin(U1), cosU1 = cos(U1), sinU2 = sin(U2), cosU2 = cos(U2)
        var lambda = L
        var sinSigma = 0.0, cosSigma = 0.0, sigma = 0.0, cos2Alpha = 0.0, cos2SigmaM = 0.0
        for _ in 0..<500 {
            let sinL = sin(lambda), cosL = cos(lambda)
            sinSigma = ((cosU2 * sinL) * (cosU2 * sinL) + (cosU1 * sinU2 - sinU1 * cosU2 * cosL) * (cosU1 * sinU2 - sinU1 * cosU2 * cosL)).squareRoot()
            if sinSigma == 0 { return 0 }
            cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosL
            sigma = atan2(sinSigma, cosSigma)
            let sinAlpha = cosU1 * cosU2 * sinL / sinSigma
            cos2Alpha = 1 - sinAlpha * sinAlpha
            cos2SigmaM = cos2Alpha != 0 ? cosSigma - 2 * sinU1 * sinU2 / cos2Alpha : 0
            let C = f / 16 * cos2Alpha * (4 + f * (4 - 3 * cos2Alpha))
            let previous = lambda
            lambda = L + (1 - C) * f * sinAlpha * (sigma + C * sinSigma * (cos2SigmaM + C * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)))
            if abs(lambda - previous) < 1e-13 { break }
        }
        let u2 = cos2Alpha * (a * a - b * b) / (b * b)
        let A = 1 + u2 / 16384 * (4096 + u2 * (-768 + u2 * (320 - 175 * u2)))
        let B = u2 / 1024 * (256 + u2 * (-128 + u2 * (74 - 47 * u2)))
        let dSigma = B * sinSigma * (cos2SigmaM + B / 4 * (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)
            - B / 6 * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * cos2SigmaM * cos2SigmaM)))
        return b * A * (sigma - dSigma)
    }

    /// Great-circle distance on a sphere of the mean radius: within 0.6 % of the ellipsoidal distance.
    static func sphericalDistance(_ p: Coordinate, _ q: Coordinate) -> Double {
        let r = 6_371_008.8, d = Double.pi / 180
        let dLat = (q.latitude - p.latitude) * d, dLon = (q.longitude - p.longitude) * d
        let h = sin(dLat / 2) * sin(dLat / 2) + cos(p.latitude * d) * cos(q.latitude * d) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * r * asin(min(1, h.squareRoot()))
    }

    /// Ray casting (even-odd) over every ring.
    static func inside(_ c: Coordinate, rings: [[Coordinate]]) -> Bool {
        var odd = false
        for ring in rings {
            var j = ring.count - 1
            for i in 0..<ring.count {
                let a = ring[i], b = ring[j]
                if (a.latitude > c.latitude) != (b.latitude > c.latitude),
                   c.longitude < (b.longitude - a.longitude) * (c.latitude - a.latitude) / (b.latitude - a.latitude) + a.longitude {
                    odd.toggle()
                }
                j = i
            }
        }
        return odd
    }
}
