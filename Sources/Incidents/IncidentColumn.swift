/// The columns of the incidents layer (DESIGN.md), in the layer's order: the one list that the layer writers,
/// both event stores (their tables, inserts and selects) and the query outputs are made from. The point is not
/// a column here (a layer has it as geometry, a store as `lon`/`lat`).
public enum IncidentColumn: CaseIterable, Sendable {
    case id, eventDate, eventType, subType, actors, location, admin1, geoPrecision, fatalitiesLow, fatalitiesBest
    case fatalitiesHigh, fatalityClaims, source, evidence, notes, uncertaintyKm

    /// The column's name as layers, stores and files write it (a static string: writers copy its bytes).
    public var key: StaticString {
        switch self {
        case .id: return "id"
        case .eventDate: return "event_date"
        case .eventType: return "event_type"
        case .subType: return "sub_type"
        case .actors: return "actors"
        case .location: return "location"
        case .admin1: return "admin1"
        case .geoPrecision: return "geo_precision"
        case .fatalitiesLow: return "fatalities_low"
        case .fatalitiesBest: return "fatalities_best"
        case .fatalitiesHigh: return "fatalities_high"
        case .fatalityClaims: return "fatality_claims"
        case .source: return "source"
        case .evidence: return "evidence"
        case .notes: return "notes"
        case .uncertaintyKm: return "uncertainty_km"
        }
    }

    public enum Kind: Sendable { case text, date, integer, real }

    public var name: String { key.description }

    /// The column with this name.
    public init?(name: String) {
        guard let c = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = c
    }

    public var kind: Kind {
        switch self {
        case .eventDate: return .date
        case .geoPrecision, .fatalitiesLow, .fatalitiesBest, .fatalitiesHigh: return .integer
        case .uncertaintyKm: return .real
        default: return .text
        }
    }

    /// Whether every event has a value (texts with none are written as "").
    public var required: Bool {
        switch self {
        case .id, .eventType, .subType, .actors, .fatalityClaims, .source, .evidence, .notes: return true
        default: return false
        }
    }

    /// The tolls geomap accepts (fatalities_low/best/high, a claim's count): 0 to 10⁷, more than any event's.
    public static let tollRange = 0...10_000_000

    /// The columns after the id, in the order the stores bind them.
    public static let values: [IncidentColumn] = allCases.filter { $0 != .id }

    /// "a, b, c" of the columns' names, each after `prefix` ("e." in a join).
    public static func list(_ columns: [IncidentColumn], prefix: String = "") -> String {
        columns.map { prefix + $0.name }.joined(separator: ", ")
    }
}
