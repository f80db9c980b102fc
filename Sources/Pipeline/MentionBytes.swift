import GeoCore
import Geoparsing
import Locating
import Places

/// A mention as compact JSON written straight into bytes: the same bytes as
/// the JSON of `extract` has for a mention (DESIGN.md), without the
/// `JSONValue` tree. Streaming extraction writes hundreds of megabytes of these. Rounded numbers go through
/// `appendDecimal`, which writes what `appendNumber(roundTo(x, decimals:))` writes with one rounding.
public enum MentionBytes {
    public static func append(_ m: Mention, to out: inout OutputBuffer) {
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
        if let r = m.relative { RelativeLocationBytes.append(r, to: &out) } else { out.append(contentsOf: "null") }
        out.append(contentsOf: ",\"role\":")
        JSONBytes.appendString(m.role.rawValue, to: &out)
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
                      to out: inout OutputBuffer) {
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


}
