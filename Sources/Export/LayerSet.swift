import Foundation
import GeoCore
import Geoparsing
import Places
import Reports
import Zones

/// The layers `geomap build` writes (DESIGN.md): flat properties so QGIS shows columns, ISO dates in
/// `event_date`, RFC 7946 geometry (the GeoJSON writer winds, cuts and rounds).
public struct LayerSet {
    public var incidents: [GeoJSONFeature] = []
    public var controlZones: [GeoJSONFeature] = []
    public var places: [GeoJSONFeature] = []
    public var uncertainty: [GeoJSONFeature] = []
    public var incidentRecords: [Incident] = []

    public init() {}

    public mutating func add(incidents list: [Incident], source: String) {
        for e in list {
            guard let p = e.point else { continue }
            incidentRecords.append(e)
            let claims = e.claims.map { "\($0.count) (\($0.source ?? "unattributed"))" }.joined(separator: "; ")
            let sources = Array(Set(e.claims.compactMap(\.source) + (e.source.map { [$0] } ?? []))).sorted().joined(separator: "; ")
            incidents.append(GeoJSONFeature(id: .string("\(source):\(e.id)"), geometry: .point(p), properties: [
                "id": .string("\(source):\(e.id)"),
                "event_date": e.date.map { .string($0.description) } ?? .null,
                "event_type": .string(e.eventType), "sub_type": .string(e.subType),
                "actors": .string(e.actors.joined(separator: "; ")),
                "location": e.locationText.map { .string($0) } ?? .null,
                "admin1": e.admin1.map { .string($0) } ?? .null,
                "geo_precision": e.geoPrecision.map { .number(Double($0)) } ?? .null,
                "fatalities_low": e.fatalitiesLow.map { .number(Double($0)) } ?? .null,
                "fatalities_best": e.fatalitiesBest.map { .number(Double($0)) } ?? .null,
                "fatalities_high": e.fatalitiesHigh.map { .number(Double($0)) } ?? .null,
                "fatality_claims": .string(claims),
                "source": .string(sources.isEmpty ? source : sources),
                "notes": .string(e.notes ?? ""),
                "uncertainty_km": e.uncertaintyKm.map { .number(roundTo($0, decimals: 3)) } ?? .null,
            ]))
        }
    }

    /// One point per resolved place, with every way the reports wrote it and how often.
    public mutating func add(mentions: [Mention]) {
        var byID: [String: (Place, [String], Int)] = [:]
        for m in mentions {
            guard let p = m.place, m.relative == nil else { continue }
            var entry = byID[p.id] ?? (p, [], 0)
            if !entry.1.contains(m.text) { entry.1.append(m.text) }
            entry.2 += 1
            byID[p.id] = entry
        }
        for (id, (p, forms, count)) in byID.sorted(by: { $0.key < $1.key }) {
            if let k = places.firstIndex(where: { $0.id == .string(id) }) {
                let old = places[k].properties
                let merged = Set((old["surface_forms"]?.stringValue ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) } + forms)
                places[k].properties["surface_forms"] = .string(merged.sorted().joined(separator: "; "))
                places[k].properties["mentions"] = .number((old["mentions"]?.numberValue ?? 0) + Double(count))
                continue
            }
            places.append(GeoJSONFeature(id: .string(id), geometry: .point(p.coordinate), properties: [
                "id": .string(id), "name": .string(p.name), "kind": .string(p.kind.rawValue),
                "admin1": p.admin1.map { .string($0) } ?? .null, "country": p.country.map { .string($0) } ?? .null,
                "surface_forms": .string(forms.joined(separator: "; ")), "mentions": .number(Double(count)),
            ]))
        }
    }

    public mutating func add(relativeMentions mentions: [Mention]) {
        for m in mentions {
            guard let r = m.relative else { continue }
            uncertainty.append(GeoJSONFeature(geometry: r.uncertainty, properties: [
                "expression": .string(m.text), "anchor": .string(r.anchor.name),
                "distance_km": r.expression.distance.map { .number(roundTo($0.kilometers, decimals: 3)) } ?? .null,
                "bearing_deg": r.bearing.map { .number(roundTo($0.degrees, decimals: 3)) } ?? .null,
            ]))
        }
    }

    public mutating func add(zones: [ControlZone]) {
        for z in zones {
            controlZones.append(GeoJSONFeature(geometry: z.geometry, properties: [
                "actor": .string(z.actor), "status": .string(z.status),
                "as_of": z.asOf.map { .string($0.description) } ?? .null,
                "area_km2": .number(roundTo(z.areaKm2, decimals: 3)),
                "places": .string(z.places.joined(separator: "; ")), "sources": .string(z.sources.joined(separator: "; ")),
            ]))
        }
    }

    public enum Format: String, Sendable { case geojson, geojsonseq, csv }

    /// Writes every layer into `folder`, each atomically (a temporary file renamed over the old one).
    public func write(to folder: String, format: Format) throws -> [String] {
        var written: [String] = []
        let layers: [(String, [GeoJSONFeature])] = [
            ("incidents", incidents), ("control_zones", controlZones), ("places", places), ("uncertainty", uncertainty),
        ]
        for (name, features) in layers {
            let fc = GeoJSONFeatureCollection(features: features)
            let path = (folder as NSString).appendingPathComponent(name + (format == .geojsonseq ? ".geojsons" : ".geojson"))
            try AtomicFile.write(format == .geojsonseq ? fc.textSequence : fc.text, to: path)
            written.append(path)
        }
        if format == .csv {
            let path = (folder as NSString).appendingPathComponent("incidents.csv")
            try AtomicFile.write(ACLEDCSV.text(incidentRecords), to: path)
            written.append(path)
        }
        return written
    }
}

/// Incidents in ACLED's column order, so they merge with ACLED exports (fatalities = the best estimate).
public enum ACLEDCSV {
    public static let columns = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
                                 "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
                                 "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
                                 "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
                                 "fatalities", "tags", "timestamp"]

    public static func text(_ incidents: [Incident]) -> String {
        var out = columns.joined(separator: ",") + "\n"
        for e in incidents {
            guard let p = e.point else { continue }
            let values: [String: String] = [
                "event_id_cnty": e.id, "event_date": e.date?.description ?? "", "year": e.date.map { String($0.year) } ?? "",
                "time_precision": String(e.timePrecision), "event_type": e.eventType, "sub_event_type": e.subEventType,
                "actor1": e.actors.first ?? "", "actor2": e.actors.dropFirst().first ?? "", "admin1": e.admin1 ?? "",
                "location": e.locationText ?? "", "latitude": formatFixed(p.latitude, decimals: 6),
                "longitude": formatFixed(p.longitude, decimals: 6), "geo_precision": e.geoPrecision.map(String.init) ?? "",
                "source": Array(Set(e.claims.compactMap(\.source))).sorted().joined(separator: "; "),
                "notes": e.claims.map { "\($0.count) (\($0.source ?? "unattributed"))" }.joined(separator: "; "),
                "fatalities": e.fatalitiesBest.map(String.init) ?? "",
            ]
            out += columns.map { quote(values[$0] ?? "") }.joined(separator: ",") + "\n"
        }
        return out
    }

    static func quote(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
