import GDALFormats
import GeoCore
import Incidents

/// The fields of every layer with their types, as GDAL formats declare them (GeoJSON carries the same names,
/// typed by JSON): dates as Date, tolls and counts as Integer, measures as Real.
public enum LayerSchemas {
    public static let incidents: [LayerField] = IncidentColumn.allCases.map { c in
        switch c.kind {
        case .text: return LayerField(c.name, .text)
        case .date: return LayerField(c.name, .date)
        case .integer: return LayerField(c.name, .integer)
        case .real: return LayerField(c.name, .real)
        }
    }

    /// Control zones as of one day, or (timeline) one feature per period with its first and last day.
    public static func controlZones(timeline: Bool) -> [LayerField] {
        [LayerField("actor", .text), LayerField("status", .text)]
            + (timeline ? [LayerField("start_date", .date), LayerField("end_date", .date)] : [LayerField("as_of", .date)])
            + [LayerField("area_km2", .real), LayerField("places", .text), LayerField("sources", .text)]
    }

    public static let places: [LayerField] = [
        LayerField("id", .text), LayerField("name", .text), LayerField("kind", .text), LayerField("admin1", .text),
        LayerField("country", .text), LayerField("surface_forms", .text), LayerField("mentions", .integer),
    ]

    public static let uncertainty: [LayerField] = [
        LayerField("expression", .text), LayerField("anchor", .text), LayerField("anchor_id", .text),
        LayerField("anchor_lat", .real), LayerField("anchor_lon", .real), LayerField("lat", .real), LayerField("lon", .real),
        LayerField("distance_km", .real), LayerField("bearing_deg", .real), LayerField("area_km2", .real),
    ]

    /// A feature's JSON properties as the schema's values, in its order (a date is YYYY-MM-DD text in JSON).
    static func values(_ properties: JSONObject, _ fields: [LayerField]) -> [FieldValue] {
        fields.map { f in
            switch (f.kind, properties[f.name]) {
            case (_, nil), (_, .null?): return .null
            case (.date, .string(let s)?):
                guard let d = ReportDay(iso: s) else { return .null }
                return .date(year: d.year, month: d.month, day: d.day)
            case (.integer, .number(let n)?) where n.isFinite && abs(n) < 9e15: return .integer(Int(n.rounded()))
            case (.real, .number(let n)?), (.integer, .number(let n)?): return .real(n)
            case (_, .string(let s)?): return .text(s)
            case (_, let other?): return .text(JSONWriter.string(other))
            }
        }
    }

    /// The incident's values in `incidents`' order.
    static func values(_ e: Incident, id: String, source: String) -> [FieldValue] {
        func text(_ s: String?) -> FieldValue { s.map(FieldValue.text) ?? .null }
        func integer(_ n: Int?) -> FieldValue { n.map(FieldValue.integer) ?? .null }
        return IncidentColumn.allCases.map { c in
            switch c {
            case .id: return .text(id)
            case .eventDate: return e.date.map { .date(year: $0.year, month: $0.month, day: $0.day) } ?? .null
            case .eventType: return .text(e.eventType)
            case .subType: return .text(e.subType)
            case .actors: return .text(e.actors.joined(separator: "; "))
            case .location: return text(e.locationText)
            case .admin1: return text(e.admin1)
            case .geoPrecision: return integer(e.geoPrecision)
            case .fatalitiesLow: return integer(e.fatalitiesLow)
            case .fatalitiesBest: return integer(e.fatalitiesBest)
            case .fatalitiesHigh: return integer(e.fatalitiesHigh)
            case .fatalityClaims: return .text(e.fatalityClaimsText)
            case .source:
                let sources = e.sourcesText
                return .text(sources.isEmpty ? source : sources)
            case .evidence: return .text(e.evidenceText ?? "")
            case .notes: return .text(e.notes ?? "")
            case .uncertaintyKm: return e.uncertaintyKm.map { .real(roundTo($0, decimals: 3)) } ?? .null
            }
        }
    }
}

/// Shapefile (dBASE) field names hold 10 characters: geomap's longer names, shortened the same way on
/// writing and back on reading.
public enum ShapefileNames {
    static let short: [String: String] = [
        "geo_precision": "geo_prec", "fatalities_low": "fatal_low", "fatalities_best": "fatal_best",
        "fatalities_high": "fatal_high", "fatality_claims": "fat_claims", "uncertainty_km": "uncert_km",
        "distance_km": "dist_km", "bearing_deg": "bearing", "surface_forms": "surf_forms",
    ]
    static let long = Dictionary(uniqueKeysWithValues: short.map { ($1, $0) })

    public static func shortName(_ name: String) -> String { short[name] ?? name }
    /// geomap's name for a field a Shapefile holds (the name itself when it was not shortened).
    public static func fullName(_ name: String) -> String { long[name] ?? name }
}
