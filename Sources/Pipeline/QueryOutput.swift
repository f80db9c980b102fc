import GeoCore
import EventStorage
import Incidents

/// The hits of a query as a table, JSON, GeoJSON or CSV.
public enum QueryOutput {
    /// `rawCSV`: CSV texts as they are, not neutralised against spreadsheet formulas (`CSVCell`).
    public static func render(_ hits: [EventHit], format: OutputFormat, near: Bool, rawCSV: Bool = false) -> String {
        switch format {
        case .table: return table(hits, near: near)
        case .json: return JSONWriter.string(.array(hits.map { .object(row($0, near: near)) }), pretty: true) + "\n"
        case .geojson:
            let features = hits.map { h -> GeoJSONFeature in
                var p = h.record.properties
                if near { addDistance(h, to: &p) }
                return GeoJSONFeature(id: .string(h.record.id), geometry: .point(h.record.point), properties: p)
            }
            return GeoJSONFeatureCollection(features: features).text
        case .csv: return csv(hits, near: near, raw: rawCSV)
        }
    }

    static func addDistance(_ h: EventHit, to p: inout JSONObject) {
        p["distance_km"] = h.distanceKm.map { .number(roundTo($0, decimals: 3)) } ?? .null
        p["bearing_deg"] = h.bearingDeg.map { .number(roundTo(($0 + 360).truncatingRemainder(dividingBy: 360), decimals: 1)) } ?? .null
    }

    /// The layer's properties, then lat and lon (6 decimals), then distance and bearing for `near`.
    static func row(_ h: EventHit, near: Bool) -> JSONObject {
        var p = h.record.properties
        p["lat"] = .number(roundTo(h.record.point.latitude, decimals: 6))
        p["lon"] = .number(roundTo(h.record.point.longitude, decimals: 6))
        if near { addDistance(h, to: &p) }
        return p
    }

    static func cell(_ v: JSONValue?) -> String {
        switch v {
        case .string(let s)?: return s
        case .number(let n)?: return JSONWriter.numberText(n)
        case .bool(let b)?: return b ? "true" : "false"
        default: return ""
        }
    }

    static func table(_ hits: [EventHit], near: Bool) -> String {
        var header = ["id", "event_date", "sub_type", "actors", "location", "dead", "lat", "lon"]
        if near { header += ["km", "bearing"] }
        let rows = hits.map { h -> [String] in
            let r = row(h, near: near)
            var cells = [IncidentColumn.id, .eventDate, .subType, .actors, .location, .fatalitiesBest].map { cell(r[$0.name]) }
                + [formatFixed(h.record.point.latitude, decimals: 5), formatFixed(h.record.point.longitude, decimals: 5)]
            if near { cells += [h.distanceKm.map { formatFixed($0, decimals: 1) } ?? "", cell(r["bearing_deg"])] }
            return cells
        }
        return TextTable.columns(header: header, rows: rows) + "\n"
    }

    static func csv(_ hits: [EventHit], near: Bool, raw: Bool) -> String {
        var keys = IncidentColumn.allCases.map(\.name) + ["lat", "lon"]
        if near { keys += ["distance_km", "bearing_deg"] }
        var out = keys.joined(separator: ",") + "\n"
        for h in hits {
            let r = row(h, near: near)
            out += keys.map { CSVCell.field(cell(r[$0]), raw: raw) }.joined(separator: ",") + "\n"
        }
        return out
    }

}
