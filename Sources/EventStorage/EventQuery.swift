import GeoCore

/// Where to look.
public enum SpatialFilter: Sendable {
    /// Within `radius` (geodesic, WGS84) of a point.
    case near(Coordinate, radius: Distance)
    /// In a W,S,E,N box (W > E crosses the antimeridian); edges included.
    case bbox(BoundingBox)
    /// In (or on the edge of) a polygon or multipolygon, lon/lat.
    case within(GeoJSONGeometry)
}

/// What else an event must satisfy. Dates compare as ISO days; `type` matches `event_type` or `sub_type`,
/// `actor` one of the actors, both case-insensitively.
public struct EventFilter: Sendable, Equatable {
    public var from: ReportDayText?
    public var to: ReportDayText?
    public var type: String?
    public var actor: String?
    public var minFatalities: Int?
    public var limit: Int?

    public init(from: ReportDayText? = nil, to: ReportDayText? = nil, type: String? = nil, actor: String? = nil,
                minFatalities: Int? = nil, limit: Int? = nil) {
        self.from = from; self.to = to; self.type = type; self.actor = actor; self.minFatalities = minFatalities; self.limit = limit
    }

    /// The same test as the stores' SQL, for records already in memory (and for tests).
    public func accepts(_ r: EventRecord) -> Bool {
        if let from { guard let d = r.eventDate, d >= from else { return false } }
        if let to { guard let d = r.eventDate, d <= to else { return false } }
        if let type, r.eventType.caseInsensitiveCompare(type) != .orderedSame, r.subType.caseInsensitiveCompare(type) != .orderedSame { return false }
        if let actor, !r.involves(actor: actor) { return false }
        if let minFatalities { guard let f = r.fatalitiesBest, f >= minFatalities else { return false } }
        return true
    }
}

/// An ISO day as text (`YYYY-MM-DD`), which orders as the days do.
public typealias ReportDayText = String

/// One answer: the event, and for `near` its geodesic distance and the azimuth from the query point.
public struct EventHit: Sendable, Equatable {
    public var record: EventRecord
    public var distanceKm: Double?
    public var bearingDeg: Double?

    public init(record: EventRecord, distanceKm: Double? = nil, bearingDeg: Double? = nil) {
        self.record = record; self.distanceKm = distanceKm; self.bearingDeg = bearingDeg
    }
}

extension EventHit {
    /// `near`: nearest first; otherwise by date, then id. Then the limit. Sorts indices, not the hits
    /// (each hit is a record of many strings, and moving them dominated the query).
    public static func ordered(_ hits: [EventHit], _ spatial: SpatialFilter, limit: Int?) -> [EventHit] {
        var order = Array(hits.indices)
        if case .near = spatial {
            let d = hits.map { $0.distanceKm ?? 0 }
            order.sort { d[$0] != d[$1] ? d[$0] < d[$1] : hits[$0].record.id < hits[$1].record.id }
        } else {
            order.sort {
                let a = hits[$0].record, b = hits[$1].record
                return a.eventDate != b.eventDate ? (a.eventDate ?? "") < (b.eventDate ?? "") : a.id < b.id
            }
        }
        if let limit, order.count > limit { order.removeLast(order.count - limit) }
        return order.map { hits[$0] }
    }

}

/// The hits, and how many candidates the index returned before the exact test and the filters.
public struct QueryAnswer: Sendable {
    public var hits: [EventHit]
    public var scanned: Int
    public init(hits: [EventHit], scanned: Int) { self.hits = hits; self.scanned = scanned }
}

/// What one ingest changed.
public struct IngestSummary: Sendable, Equatable {
    public var inserted = 0
    public var updated = 0
    public var claims = 0
    public var places = 0
    public init() {}
}
