import GeoCore
import Incidents

/// A value of one column of an event record.
public enum ColumnValue: Sendable, Equatable {
    case text(String?)
    case integer(Int?)
    case real(Double?)

    public var json: JSONValue {
        switch self {
        case .text(let s): return s.map { .string($0) } ?? .null
        case .integer(let n): return n.map { .number(Double($0)) } ?? .null
        case .real(let x): return x.map { .number($0) } ?? .null
        }
    }
}

/// An event record column by column, in `IncidentColumn`'s one list: what the stores bind and read and the
/// layers and outputs write.
extension EventRecord {
    public subscript(column: IncidentColumn) -> ColumnValue {
        switch column {
        case .id: return .text(id)
        case .eventDate: return .text(eventDate)
        case .eventType: return .text(eventType)
        case .subType: return .text(subType)
        case .actors: return .text(actors)
        case .location: return .text(location)
        case .admin1: return .text(admin1)
        case .geoPrecision: return .integer(geoPrecision)
        case .fatalitiesLow: return .integer(fatalitiesLow)
        case .fatalitiesBest: return .integer(fatalitiesBest)
        case .fatalitiesHigh: return .integer(fatalitiesHigh)
        case .fatalityClaims: return .text(fatalityClaims)
        case .source: return .text(source)
        case .evidence: return .text(evidence)
        case .notes: return .text(notes)
        case .uncertaintyKm: return .real(uncertaintyKm)
        }
    }

    /// A record from each column's value (`value` is asked once per column, in the list's order); a required
    /// text that is missing is "".
    public init<E: Error>(point: Coordinate, value: (IncidentColumn) throws(E) -> ColumnValue) throws(E) {
        var texts: [IncidentColumn: String] = [:], integers: [IncidentColumn: Int] = [:]
        var uncertainty: Double?
        for c in IncidentColumn.allCases {
            switch try value(c) {
            case .text(let s): if let s { texts[c] = s }
            case .integer(let n): if let n { integers[c] = n }
            case .real(let x): if c == .uncertaintyKm { uncertainty = x }
            }
        }
        self.init(id: texts[.id] ?? "", eventDate: texts[.eventDate], eventType: texts[.eventType] ?? "", subType: texts[.subType] ?? "",
                  actors: texts[.actors] ?? "", location: texts[.location], admin1: texts[.admin1],
                  geoPrecision: integers[.geoPrecision], fatalitiesLow: integers[.fatalitiesLow], fatalitiesBest: integers[.fatalitiesBest],
                  fatalitiesHigh: integers[.fatalitiesHigh], fatalityClaims: texts[.fatalityClaims] ?? "", source: texts[.source] ?? "",
                  evidence: texts[.evidence] ?? "", notes: texts[.notes] ?? "", uncertaintyKm: uncertainty, point: point)
    }
}

extension IncidentColumn {
    /// The event columns the stores' first schema lacked, each added by a later schema step of both stores (an
    /// older store gains them on opening).
    public static let addedAfterFirstSchema: [IncidentColumn] = [.evidence]
}
