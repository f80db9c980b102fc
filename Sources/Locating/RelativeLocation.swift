import GeoCore
import Places

/// What the text says about a place named next to a relative expression ("Kantari, 80 km north of Raqa").
public struct NamedPlaceCheck: Sendable {
    /// The name as written.
    public let text: String
    /// The best-ranked gazetteer candidate lying inside the uncertainty area; nil when no candidate does
    /// (the computed location then stands and the name stays unresolved text).
    public let place: Place?
    /// Distance of that candidate from the computed point.
    public let distanceFromPoint: Distance?
    /// The best-ranked candidates found for the name outside the area, which the text rules out (at most
    /// `rejectedShown`).
    public let rejected: [Place]
    /// How many rejected candidates a check keeps: what `extract` reports.
    public static let rejectedShown = 5
}

/// A relative expression located: point, uncertainty area and precision (ACLED's geo_precision).
public struct RelativeLocation: Sendable {
    public let expression: RelativeExpression
    /// The words that named the anchor, and the anchor resolved.
    public let anchorText: String
    public let anchor: Place
    /// The expression's span, ending at the anchor's last word.
    public let span: Range<Int>
    public let point: Coordinate
    /// Bearing of the point from the anchor (nil when the text gives no direction).
    public let bearing: Bearing?
    public let uncertainty: GeoJSONGeometry
    /// `uncertainty` as compact RFC 7946 JSON (`JSONBytes.appendGeometry`), written once per area the locator
    /// computes: a long extraction writes the same areas again and again.
    public let uncertaintyJSON: [UInt8]
    public let uncertaintyRadius: Distance
    /// The uncertainty area's geodesic area, in km².
    public let areaKm2: Double
    /// 1 the named place itself, 2 near or relative to a named place, 3 a region or a distance-only ring.
    public let geoPrecision: Int
    public let namedPlace: NamedPlaceCheck?
}

extension RelativeLocation {
    /// The same location with its spans moved by `offset` code points (a block of a longer text).
    public func shifted(by offset: Int) -> RelativeLocation {
        RelativeLocation(expression: expression.shifted(by: offset), anchorText: anchorText, anchor: anchor,
                         span: (span.lowerBound + offset)..<(span.upperBound + offset), point: point, bearing: bearing,
                         uncertainty: uncertainty, uncertaintyJSON: uncertaintyJSON, uncertaintyRadius: uncertaintyRadius, areaKm2: areaKm2, geoPrecision: geoPrecision,
                         namedPlace: namedPlace)
    }
}
