import Foundation
import Geometry
import Places

/// Why an expression could not be located; each message names the text at fault.
public enum LocatingError: Error, Equatable, CustomStringConvertible {
    case noExpression(String)
    case anchorNotFound(String, expression: String)
    case negativeDistance(String)
    case distanceTooLarge(String, kilometers: Double)
    case unreadableDistance(String, expression: String)
    case noBorder(String, side: String?)
    case gazetteer(GazetteerError)
    case geometry(GeometryError)

    public var description: String {
        switch self {
        case .noExpression(let t):
            return "'\(t)' is not a relative location: expected e.g. '80 km north of Raqqa', 'à 120 km de Homs', 'au nord-est de la ville d'Idleb', 'near Azaz' (a direction or distance, then 'of'/'de' and a place)"
        case .anchorNotFound(let anchor, let e):
            return "no place named '\(anchor)' in the gazetteer (in '\(e)')"
        case .negativeDistance(let e): return "'\(e)': a distance cannot be negative"
        case .distanceTooLarge(let e, let km):
            // Any Double the text gives (1e20, infinity) prints without a conversion that could trap.
            return "'\(e)': \(km.isFinite ? String(format: "%.0f", km) : "an infinite") km is beyond half the earth's circumference (20,004 km)"
        case .unreadableDistance(let d, let e):
            return "'\(e)': '\(d)' is not a distance geomap reads (digits or number words up to 20,004 km, e.g. '80 km', 'quinze kilomètres')"
        case .noBorder(let country, let side):
            return side.map { "\(country) shares no border with \($0) in the gazetteer's outlines" } ?? "the gazetteer has no outline of \(country)"
        case .gazetteer(let e): return e.description
        case .geometry(let e): return e.description
        }
    }
}
