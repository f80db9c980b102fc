import GeoCore
import Locating
import Places

/// A located relative expression as JSON bytes: the `relative` object of a mention in `extract`'s JSON, and
/// (with its expression and point) what `geomap locate` prints.
public enum RelativeLocationBytes {
    /// `{"form":…}`; with `expression`, the object `geomap locate` prints: the expression first and the point
    /// after the bearing (a mention carries both itself).
    public static func append(_ l: RelativeLocation, expression: String? = nil, to out: inout OutputBuffer) {
        let e = l.expression
        out.append(0x7B)
        if let expression {
            out.append(contentsOf: "\"expression\":")
            JSONBytes.appendString(expression, to: &out)
            out.append(0x2C)
        }
        out.append(contentsOf: "\"form\":")
        JSONBytes.appendString(e.form.rawValue, to: &out)
        out.append(contentsOf: ",\"anchor\":")
        anchor(l.anchor, to: &out)
        out.append(contentsOf: ",\"distance_km\":")
        JSONBytes.appendOptional(e.distance.map { roundTo($0.kilometers, decimals: 3) }, to: &out, JSONBytes.appendNumber)
        out.append(contentsOf: ",\"bearing_deg\":")
        JSONBytes.appendOptional(l.bearing.map { roundTo($0.degrees, decimals: 3) }, to: &out, JSONBytes.appendNumber)
        if expression != nil {
            out.append(contentsOf: ",\"lat\":")
            JSONBytes.appendDecimal(l.point.latitude, maxDecimals: 6, to: &out)
            out.append(contentsOf: ",\"lon\":")
            JSONBytes.appendDecimal(l.point.longitude, maxDecimals: 6, to: &out)
        }
        out.append(contentsOf: ",\"geo_precision\":")
        JSONBytes.appendInteger(l.geoPrecision, to: &out)
        out.append(contentsOf: ",\"uncertainty_km\":")
        JSONBytes.appendDecimal(l.uncertaintyRadius.kilometers, maxDecimals: 3, to: &out)
        out.append(contentsOf: ",\"area_km2\":")
        JSONBytes.appendDecimal(l.areaKm2, maxDecimals: 3, to: &out)
        out.append(contentsOf: ",\"uncertainty\":")
        l.uncertaintyJSON.withUnsafeBytes { out.append($0) }
        if let d = e.distance {
            out.append(contentsOf: ",\"distance_range_km\":[")
            JSONBytes.appendDecimal(d.low, maxDecimals: 3, to: &out)
            out.append(0x2C)
            JSONBytes.appendDecimal(d.high, maxDecimals: 3, to: &out)
            out.append(0x5D)
        }
        if let hw = e.bearingHalfWidth, let b = l.bearing {
            out.append(contentsOf: ",\"bearing_range_deg\":[")
            JSONBytes.appendNumber(Bearing(degrees: b.degrees - hw).degrees, to: &out)
            out.append(0x2C)
            JSONBytes.appendNumber(Bearing(degrees: b.degrees + hw).degrees, to: &out)
            out.append(0x5D)
        }
        if let check = l.namedPlace {
            out.append(contentsOf: ",\"named_place\":{\"text\":")
            JSONBytes.appendString(check.text, to: &out)
            out.append(contentsOf: ",\"place\":")
            if let p = check.place { anchor(p, to: &out) } else { out.append(contentsOf: "null") }
            out.append(contentsOf: ",\"distance_km\":")
            JSONBytes.appendOptional(check.distanceFromPoint.map { roundTo($0.kilometers, decimals: 3) }, to: &out, JSONBytes.appendNumber)
            out.append(contentsOf: ",\"rejected\":[")
            for (k, p) in check.rejected.enumerated() {
                if k > 0 { out.append(0x2C) }
                anchor(p, to: &out)
            }
            out.append(contentsOf: "]}")
        }
        out.append(0x7D)
    }

    static func anchor(_ p: Place, to out: inout OutputBuffer) {
        out.append(contentsOf: "{\"id\":")
        JSONBytes.appendString(p.id, to: &out)
        out.append(contentsOf: ",\"name\":")
        JSONBytes.appendString(p.name, to: &out)
        out.append(contentsOf: ",\"lat\":")
        JSONBytes.appendDecimal(p.coordinate.latitude, maxDecimals: 6, to: &out)
        out.append(contentsOf: ",\"lon\":")
        JSONBytes.appendDecimal(p.coordinate.longitude, maxDecimals: 6, to: &out)
        out.append(0x7D)
    }
}

/// The GeoJSON of a located expression (`geomap locate --format geojson`).
public enum RelativeLocationFeatures {
    /// The point (with the DESIGN's properties) and the uncertainty polygon (the uncertainty layer's properties).
    public static func featureCollection(_ l: RelativeLocation, expression: String) -> GeoJSONFeatureCollection {
        let distance: JSONValue = l.expression.distance.map { .number(roundTo($0.kilometers, decimals: 3)) } ?? .null
        let bearing: JSONValue = l.bearing.map { .number(roundTo($0.degrees, decimals: 3)) } ?? .null
        return GeoJSONFeatureCollection(features: [
            GeoJSONFeature(geometry: .point(l.point), properties: [
                "role": "location", "expression": .string(expression), "anchor": .string(l.anchor.name),
                "anchor_id": .string(l.anchor.id), "distance_km": distance, "bearing_deg": bearing,
                "geo_precision": .number(Double(l.geoPrecision)),
                "uncertainty_km": .number(roundTo(l.uncertaintyRadius.kilometers, decimals: 3)),
                "area_km2": .number(roundTo(l.areaKm2, decimals: 3)),
            ]),
            GeoJSONFeature(geometry: l.uncertainty, properties: [
                "role": "uncertainty", "expression": .string(expression), "anchor": .string(l.anchor.name),
                "distance_km": distance, "bearing_deg": bearing, "area_km2": .number(roundTo(l.areaKm2, decimals: 3)),
            ]),
        ])
    }

    /// The indented JSON `geomap locate` prints, made from `RelativeLocationBytes`.
    public static func json(_ l: RelativeLocation, expression: String) throws(PipelineError) -> String {
        var out = OutputBuffer()
        RelativeLocationBytes.append(l, expression: expression, to: &out)
        return String(decoding: try ExtractionDocument.pretty(documents: [out.bytes]).bytes, as: UTF8.self)
    }
}
