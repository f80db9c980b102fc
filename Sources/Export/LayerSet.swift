import Foundation
import GeoCore
import Incidents
import Places
import Zones

/// A place as a report named it: the words, and the gazetteer's record they resolved to.
public struct PlaceSighting: Sendable {
    public let text: String
    public let place: Place
    public init(text: String, place: Place) { self.text = text; self.place = place }
}

/// A relative location as the uncertainty layer has it.
public struct UncertaintyRecord: Sendable {
    public var expression: String
    public var anchor: Place
    /// The point the expression gives, where the layer should carry it.
    public var point: Coordinate?
    public var distanceKm: Double?
    public var bearingDeg: Double?
    public var area: GeoJSONGeometry
    /// The area's geodesic area in km².
    public var areaKm2: Double

    public init(expression: String, anchor: Place, point: Coordinate?, distanceKm: Double?, bearingDeg: Double?, area: GeoJSONGeometry,
                areaKm2: Double) {
        self.expression = expression; self.anchor = anchor; self.point = point; self.distanceKm = distanceKm
        self.bearingDeg = bearingDeg; self.area = area; self.areaKm2 = areaKm2
    }
}

/// The small layers of `geomap build` (places, uncertainty areas, control zones) gathered in memory; the
/// incidents, which can number millions, go straight to a `LayerWriter`. Flat properties so QGIS shows columns.
public struct LayerSet {
    public var controlZones: [GeoJSONFeature] = []
    public var places: [GeoJSONFeature] = []
    public var uncertainty: [GeoJSONFeature] = []
    /// Whether the control zones are periods (`start_date`, `end_date`) rather than one day (`as_of`).
    public private(set) var timeline = false

    public init() {}

    /// One point per resolved place, with every way the reports wrote it and how often.
    public mutating func add(places sightings: [PlaceSighting]) {
        var byID: [String: (Place, [String], Int)] = [:]
        for m in sightings {
            let p = m.place
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

    public mutating func add(uncertainty records: [UncertaintyRecord]) {
        for r in records {
            uncertainty.append(GeoJSONFeature(geometry: r.area, properties: [
                "expression": .string(r.expression), "anchor": .string(r.anchor.name), "anchor_id": .string(r.anchor.id),
                "anchor_lat": .number(roundTo(r.anchor.coordinate.latitude, decimals: 6)),
                "anchor_lon": .number(roundTo(r.anchor.coordinate.longitude, decimals: 6)),
                "lat": r.point.map { .number(roundTo($0.latitude, decimals: 6)) } ?? .null,
                "lon": r.point.map { .number(roundTo($0.longitude, decimals: 6)) } ?? .null,
                "distance_km": r.distanceKm.map { .number(roundTo($0, decimals: 3)) } ?? .null,
                "bearing_deg": r.bearingDeg.map { .number(roundTo($0, decimals: 3)) } ?? .null,
                "area_km2": .number(roundTo(r.areaKm2, decimals: 3)),
            ]))
        }
    }

    /// Control zones as a timeline: one feature per period in which an actor's zone of one status stays the
    /// same, from its first day to its last (both included; empty for the undated period).
    public mutating func add(periods: [ControlPeriod]) {
        timeline = true
        for p in periods {
            let z = p.zone
            controlZones.append(GeoJSONFeature(geometry: z.geometry, properties: [
                "actor": .string(z.actor), "status": .string(z.status.rawValue),
                "start_date": p.start.map { .string($0.description) } ?? .null,
                "end_date": p.end.map { .string($0.description) } ?? .null,
                "area_km2": .number(roundTo(z.areaKm2, decimals: 3)),
                "places": .string(z.places.joined(separator: "; ")), "sources": .string(z.sources.joined(separator: "; ")),
            ]))
        }
    }

    public mutating func add(zones: [ControlZone]) {
        for z in zones {
            controlZones.append(GeoJSONFeature(geometry: z.geometry, properties: [
                "actor": .string(z.actor), "status": .string(z.status.rawValue),
                "as_of": z.asOf.map { .string($0.description) } ?? .null,
                "area_km2": .number(roundTo(z.areaKm2, decimals: 3)),
                "places": .string(z.places.joined(separator: "; ")), "sources": .string(z.sources.joined(separator: "; ")),
            ]))
        }
    }

}

/// Incidents in ACLED's column order, so they merge with ACLED exports (fatalities = the best estimate).
public enum ACLEDCSV {
    public static let columns = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
                                 "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
                                 "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
                                 "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
                                 "fatalities", "tags", "timestamp"]

    public static var header: String { columns.joined(separator: ",") + "\n" }

    /// One row (with its newline), or nil for an incident without a point.
    /// `raw`: texts written as they are, not neutralised against spreadsheet formulas (`CSVCell`).
    public static func row(_ e: Incident, raw: Bool = false) -> String? {
        guard let p = e.point else { return nil }
        let values: [String: String] = [
            "event_id_cnty": e.id, "event_date": e.date?.description ?? "", "year": e.date.map { String($0.year) } ?? "",
            "time_precision": String(e.timePrecision), "event_type": e.eventType, "sub_event_type": e.subEventType,
            "actor1": e.actors.first ?? "", "actor2": e.actors.dropFirst().first ?? "", "admin1": e.admin1 ?? "",
            "location": e.locationText ?? "", "latitude": formatFixed(p.latitude, decimals: 6),
            "longitude": formatFixed(p.longitude, decimals: 6), "geo_precision": e.geoPrecision.map(String.init) ?? "",
            "source": e.sourcesText,
            // ACLED's notes: the analyst's notes, then every source's toll (8 vs 22 killed: both kept).
            "notes": [e.notes ?? "", e.fatalityClaimsText].filter { !$0.isEmpty }.joined(separator: "; "),
            "fatalities": e.fatalitiesBest.map(String.init) ?? "",
        ]
        return columns.map { CSVCell.field(values[$0] ?? "", raw: raw) }.joined(separator: ",") + "\n"
    }

    public static func text(_ incidents: [Incident]) -> String {
        header + incidents.compactMap { row($0) }.joined()
    }

}
