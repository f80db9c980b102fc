import GeoCore
import Incidents

/// One event as the store keeps it: the columns of the incidents layer (DESIGN.md) and the point.
public struct EventRecord: Hashable, Sendable {
    /// `SOURCE:ID`, as in the incidents layer; re-ingesting the same id updates the event.
    public var id: String
    public var eventDate: String?
    public var eventType: String
    public var subType: String
    /// Actors joined by "; ", first the one that acts.
    public var actors: String
    public var location: String?
    public var admin1: String?
    public var geoPrecision: Int?
    public var fatalitiesLow: Int?
    public var fatalitiesBest: Int?
    public var fatalitiesHigh: Int?
    public var fatalityClaims: String
    public var source: String
    /// The sentence(s) the event was read from; "" when the input had none.
    public var evidence: String
    public var notes: String
    public var uncertaintyKm: Double?
    public var point: Coordinate

    public init(id: String, eventDate: String?, eventType: String, subType: String, actors: String, location: String?,
                admin1: String?, geoPrecision: Int?, fatalitiesLow: Int?, fatalitiesBest: Int?, fatalitiesHigh: Int?,
                fatalityClaims: String, source: String, evidence: String, notes: String, uncertaintyKm: Double?, point: Coordinate) {
        self.id = id; self.eventDate = eventDate; self.eventType = eventType; self.subType = subType; self.actors = actors
        self.location = location; self.admin1 = admin1; self.geoPrecision = geoPrecision; self.fatalitiesLow = fatalitiesLow
        self.fatalitiesBest = fatalitiesBest; self.fatalitiesHigh = fatalitiesHigh; self.fatalityClaims = fatalityClaims
        self.source = source; self.evidence = evidence; self.notes = notes; self.uncertaintyKm = uncertaintyKm; self.point = point
    }

    /// The record of an incident read from `input` (a file name); nil when the incident has no point.
    public init?(_ e: Incident, input: String) {
        guard let p = e.point else { return nil }
        let sources = e.sourcesText
        self.init(id: input + ":" + e.id, eventDate: e.date?.description, eventType: e.eventType, subType: e.subType,
                  actors: e.actors.joined(separator: "; "), location: e.locationText, admin1: e.admin1, geoPrecision: e.geoPrecision,
                  fatalitiesLow: e.fatalitiesLow, fatalitiesBest: e.fatalitiesBest, fatalitiesHigh: e.fatalitiesHigh,
                  fatalityClaims: e.fatalityClaimsText, source: sources.isEmpty ? input : sources,
                  evidence: e.evidenceText ?? "", notes: e.notes ?? "",
                  uncertaintyKm: e.uncertaintyKm.map { roundTo($0, decimals: 3) }, point: p)
    }

    /// A feature of an incidents layer written by `geomap build`. `path` names the feature in errors.
    public init(feature f: GeoJSONFeature, path: String) throws(StoreError) {
        guard case .point(let p)? = f.geometry else { throw .badFeature(path, "an incident must be a Point") }
        let props = f.properties
        func text(_ key: String) -> String? { props[key]?.stringValue }
        func int(_ key: String, _ range: ClosedRange<Int>) throws(StoreError) -> Int? {
            switch props[key] {
            case nil, .null?: return nil
            case .number(let n)? where n == n.rounded() && n >= Double(range.lowerBound) && n <= Double(range.upperBound): return Int(n)
            case let other?:
                throw .badFeature(path, "'\(key)' must be a whole number from \(range.lowerBound) to \(range.upperBound), found \(JSONWriter.string(other))")
            }
        }
        let id: String
        switch f.id ?? props["id"].flatMap({ v -> FeatureID? in v.stringValue.map(FeatureID.string) }) {
        case .string(let s)?: id = s
        case .number(let n)?: id = JSONWriter.numberText(n)
        case nil: throw .badFeature(path, "an incident needs an id (feature id or property 'id')")
        }
        if let d = text(IncidentColumn.eventDate.name), ReportDay(iso: d) == nil { throw .badFeature(path, "event_date '\(d)' is not YYYY-MM-DD") }
        try self.init(point: p) { (c: IncidentColumn) throws(StoreError) -> ColumnValue in
            switch c.kind {
            case _ where c == .id: return .text(id)
            case .text, .date: return .text(text(c.name))
            case .integer: return .integer(try int(c.name, c == .geoPrecision ? 1...3 : IncidentColumn.tollRange))
            case .real: return .real(props[c.name]?.numberValue)
            }
        }
    }

    /// The layer's properties, in the layer's order (`IncidentColumn`).
    public var properties: JSONObject {
        var out = JSONObject()
        for c in IncidentColumn.allCases { out[c.name] = self[c].json }
        return out
    }

    /// Whether `actor` is one of the actors (case-insensitive, whole names).
    public func involves(actor: String) -> Bool {
        actors.split(separator: ";").contains { $0.trimmingCharacters(in: .whitespaces).caseInsensitiveCompare(actor) == .orderedSame }
    }
}
