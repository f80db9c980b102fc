import GeoCore
import Incidents

/// Incidents and control claims as compact JSON written straight into bytes (DESIGN.md's JSON of `extract`),
/// without building a `JSONValue` tree for each of the hundreds of thousands a long stream gives.
public enum EventBytes {
    public static func append(_ e: Incident, to out: inout OutputBuffer) {
        out.append(contentsOf: "{\"id\":")
        JSONBytes.appendString(e.id, to: &out)
        out.append(contentsOf: ",\"date\":")
        JSONBytes.appendOptional(e.date?.description, to: &out, JSONBytes.appendString)
        out.append(contentsOf: ",\"date_source\":")
        JSONBytes.appendString(e.dateSource.rawValue, to: &out)
        out.append(contentsOf: ",\"time_precision\":")
        JSONBytes.appendInteger(e.timePrecision, to: &out)
        out.append(contentsOf: ",\"event_type\":")
        JSONBytes.appendString(e.eventType, to: &out)
        out.append(contentsOf: ",\"sub_event_type\":")
        JSONBytes.appendString(e.subEventType, to: &out)
        out.append(contentsOf: ",\"sub_type\":")
        JSONBytes.appendString(e.subType, to: &out)
        out.append(contentsOf: ",\"actors\":[")
        for (k, a) in e.actors.enumerated() {
            if k > 0 { out.append(0x2C) }
            JSONBytes.appendString(a, to: &out)
        }
        out.append(contentsOf: "],\"location_text\":")
        JSONBytes.appendOptional(e.locationText, to: &out, JSONBytes.appendString)
        out.append(contentsOf: ",\"place_id\":")
        JSONBytes.appendOptional(e.placeID, to: &out, JSONBytes.appendString)
        out.append(contentsOf: ",\"lat\":")
        JSONBytes.appendOptional(e.point?.latitude, to: &out) { JSONBytes.appendDecimal($0, maxDecimals: 6, to: &$1) }
        out.append(contentsOf: ",\"lon\":")
        JSONBytes.appendOptional(e.point?.longitude, to: &out) { JSONBytes.appendDecimal($0, maxDecimals: 6, to: &$1) }
        out.append(contentsOf: ",\"geo_precision\":")
        JSONBytes.appendOptional(e.geoPrecision, to: &out, JSONBytes.appendInteger)
        out.append(contentsOf: ",\"fatalities_low\":")
        JSONBytes.appendOptional(e.fatalitiesLow, to: &out, JSONBytes.appendInteger)
        out.append(contentsOf: ",\"fatalities_best\":")
        JSONBytes.appendOptional(e.fatalitiesBest, to: &out, JSONBytes.appendInteger)
        out.append(contentsOf: ",\"fatalities_high\":")
        JSONBytes.appendOptional(e.fatalitiesHigh, to: &out, JSONBytes.appendInteger)
        out.append(contentsOf: ",\"fatality_claims\":[")
        for (k, c) in e.claims.enumerated() {
            if k > 0 { out.append(0x2C) }
            out.append(contentsOf: "{\"source\":")
            JSONBytes.appendOptional(c.source, to: &out, JSONBytes.appendString)
            out.append(contentsOf: ",\"count\":")
            JSONBytes.appendInteger(c.count, to: &out)
            out.append(0x7D)
        }
        out.append(contentsOf: "],\"notes\":")
        JSONBytes.appendOptional(e.notes, to: &out, JSONBytes.appendString)
        out.append(0x2C)
        evidence(e.evidence, to: &out)
        out.append(0x7D)
    }

    public static func append(_ c: ControlClaim, to out: inout OutputBuffer) {
        out.append(contentsOf: "{\"actor\":")
        JSONBytes.appendOptional(c.actor, to: &out, JSONBytes.appendString)
        out.append(contentsOf: ",\"place_id\":")
        JSONBytes.appendOptional(c.placeID, to: &out, JSONBytes.appendString)
        out.append(contentsOf: ",\"place_text\":")
        JSONBytes.appendString(c.placeText, to: &out)
        out.append(contentsOf: ",\"status\":")
        JSONBytes.appendString(c.status.rawValue, to: &out)
        out.append(contentsOf: ",\"date\":")
        JSONBytes.appendOptional(c.date?.description, to: &out, JSONBytes.appendString)
        out.append(contentsOf: ",\"date_source\":")
        JSONBytes.appendString(c.dateSource.rawValue, to: &out)
        out.append(contentsOf: ",\"incident\":")
        JSONBytes.appendOptional(c.incident, to: &out, JSONBytes.appendString)
        out.append(0x2C)
        evidence(c.evidence, to: &out)
        out.append(0x7D)
    }

    static func evidence(_ r: Range<Int>, to out: inout OutputBuffer) {
        out.append(contentsOf: "\"evidence\":{\"start\":")
        JSONBytes.appendInteger(r.lowerBound, to: &out)
        out.append(contentsOf: ",\"end\":")
        JSONBytes.appendInteger(r.upperBound, to: &out)
        out.append(0x7D)
    }
}
