import GeoCore
import Geoparsing
import Locating
import Places

/// A mention as compact JSON written straight into bytes: the same bytes as
/// `JSONBytes.appendValue(ExtractionOutput.mention(m))` (a test holds them equal over the corpus), without the
/// `JSONValue` tree. Streaming extraction writes hundreds of megabytes of these. Rounded numbers go through
/// `appendDecimal`, which writes what `appendNumber(roundTo(x, decimals:))` writes with one rounding.
enum MentionBytes {
    static func append(_ m: Mention, to out: inout ByteBuffer) {
        out.append(contentsOf: "{\"text\":")
        JSONBytes.appendString(m.text, to: &out)
        out.append(contentsOf: ",\"start\":")
        JSONBytes.appendInteger(m.start, to: &out)
        out.append(contentsOf: ",\"end\":")
        JSONBytes.appendInteger(m.end, to: &out)
        out.append(contentsOf: ",\"place\":")
        if let p = m.place {
            place(id: p.id, name: p.name, coordinate: p.coordinate, kind: p.kind.rawValue, admin1: p.admin1, country: p.country, to: &out)
        } else if let r = m.relative {
            place(id: r.namedPlace?.place?.id, name: r.namedPlace?.place?.name ?? r.namedPlace?.text ?? m.text, coordinate: r.point,
                  kind: "relative", admin1: r.anchor.admin1, country: r.anchor.country, to: &out)
        } else {
            out.append(contentsOf: "null")
        }
        out.append(contentsOf: ",\"relative\":")
        if let r = m.relative { relative(r, to: &out) } else { out.append(contentsOf: "null") }
        out.append(contentsOf: ",\"reason\":")
        JSONBytes.appendString(m.reason, to: &out)
        if m.place != nil {
            out.append(contentsOf: ",\"score\":")
            JSONBytes.appendDecimal(m.score, maxDecimals: 3, to: &out)
        }
        if let r = m.runnerUp {
            out.append(contentsOf: ",\"runner_up\":{\"id\":")
            JSONBytes.appendString(r.place.id, to: &out)
            out.append(contentsOf: ",\"name\":")
            JSONBytes.appendString(r.place.name, to: &out)
            out.append(contentsOf: ",\"score\":")
            JSONBytes.appendDecimal(r.score, maxDecimals: 3, to: &out)
            out.append(0x7D)
        }
        out.append(0x7D)
    }

    static func place(id: String?, name: String, coordinate: Coordinate, kind: String, admin1: String?, country: String?,
                      to out: inout ByteBuffer) {
        out.append(contentsOf: "{\"id\":")
        JSONBytes.appendOptional(id, to: &out, JSONBytes.appendString)
        out.append(contentsOf: ",\"name\":")
        JSONBytes.appendString(name, to: &out)
        out.append(contentsOf: ",\"lat\":")
        JSONBytes.appendDecimal(coordinate.latitude, maxDecimals: 6, to: &out)
        out.append(contentsOf: ",\"lon\":")
        JSONBytes.appendDecimal(coordinate.longitude, maxDecimals: 6, to: &out)
        out.append(contentsOf: ",\"kind\":")
        JSONBytes.appendString(kind, to: &out)
        out.append(contentsOf: ",\"admin1\":")
        JSONBytes.appendOptional(admin1, to: &out, JSONBytes.appendString)
        out.append(contentsOf: ",\"country\":")
        JSONBytes.appendOptional(country, to: &out, JSONBytes.appendString)
        out.append(0x7D)
    }

    /// `RelativeLocationOutput.json` less its expression and point (the mention carries those).
    static func relative(_ l: RelativeLocation, to out: inout ByteBuffer) {
        let e = l.expression
        out.append(contentsOf: "{\"form\":")
        JSONBytes.appendString(e.form.rawValue, to: &out)
        out.append(contentsOf: ",\"anchor\":")
        anchor(l.anchor, to: &out)
        out.append(contentsOf: ",\"distance_km\":")
        JSONBytes.appendOptional(e.distance.map { roundTo($0.kilometers, decimals: 3) }, to: &out, JSONBytes.appendNumber)
        out.append(contentsOf: ",\"bearing_deg\":")
        JSONBytes.appendOptional(l.bearing.map { roundTo($0.degrees, decimals: 3) }, to: &out, JSONBytes.appendNumber)
        out.append(contentsOf: ",\"geo_precision\":")
        JSONBytes.appendInteger(l.geoPrecision, to: &out)
        out.append(contentsOf: ",\"uncertainty_km\":")
        JSONBytes.appendDecimal(l.uncertaintyRadius.kilometers, maxDecimals: 3, to: &out)
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
            for (k, p) in check.rejected.prefix(5).enumerated() {
                if k > 0 { out.append(0x2C) }
                anchor(p, to: &out)
            }
            out.append(contentsOf: "]}")
        }
        out.append(0x7D)
    }

    static func anchor(_ p: Place, to out: inout ByteBuffer) {
        out.append(contentsOf: "{\"id\":")
        JSONBytes.appendString(p.id, to: &out)
        out.append(contentsOf: ",\"name\":")
        JSONBytes.appendString(p.name, to: &out)
        out.append(contentsOf: ",\"lat\":")
        JSONBytes.appendNumber(p.coordinate.latitude, to: &out)
        out.append(contentsOf: ",\"lon\":")
        JSONBytes.appendNumber(p.coordinate.longitude, to: &out)
        out.append(0x7D)
    }
}
