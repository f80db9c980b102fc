import GeoCore
import Incidents

/// A stored control claim: who holds (or lost, or contests) which place, on which day, according to whom.
/// The place's record travels with it so zones can be rebuilt from the store alone.
public struct StoredClaim: Sendable, Equatable {
    public var actor: String
    public var status: ControlStatus
    public var date: String?
    public var placeID: String
    public var placeName: String
    public var placeKind: String
    public var population: Int
    public var admin1: String?
    public var country: String?
    public var point: Coordinate
    public var source: String

    public init(actor: String, status: ControlStatus, date: String?, placeID: String, placeName: String, placeKind: String,
                population: Int, admin1: String?, country: String?, point: Coordinate, source: String) {
        self.actor = actor; self.status = status; self.date = date; self.placeID = placeID; self.placeName = placeName
        self.placeKind = placeKind; self.population = population; self.admin1 = admin1; self.country = country
        self.point = point; self.source = source
    }
}

/// A resolved place as the places layer has it.
public struct StoredPlace: Sendable, Equatable {
    public var id: String, name: String, kind: String, admin1: String?, country: String?, point: Coordinate
    public init(id: String, name: String, kind: String, admin1: String?, country: String?, point: Coordinate) {
        self.id = id; self.name = name; self.kind = kind; self.admin1 = admin1; self.country = country; self.point = point
    }
}

/// A control zone as `geomap build` computed it.
public struct StoredZone: Sendable, Equatable {
    public var actor: String, status: ControlStatus, asOf: String?, areaKm2: Double, places: String, sources: String
    public var geometry: GeoJSONGeometry
    public init(actor: String, status: ControlStatus, asOf: String?, areaKm2: Double, places: String, sources: String, geometry: GeoJSONGeometry) {
        self.actor = actor; self.status = status; self.asOf = asOf; self.areaKm2 = areaKm2; self.places = places
        self.sources = sources; self.geometry = geometry
    }
}

/// Where an input came from: its file's path (links resolved) and what the store held under the input's name
/// when the name was chosen. The store refuses the batch if another ingest changed that meanwhile.
public struct InputOrigin: Sendable, Equatable {
    public var path: String
    public var seen: String?
    public init(path: String, seen: String?) { self.path = path; self.seen = seen }
}

/// Everything read from one input file, stored in one transaction.
public struct IngestBatch: Sendable {
    public var input: String
    public var events: [EventRecord]
    public var claims: [StoredClaim]
    public var places: [StoredPlace]
    /// Recorded with the input's name (nil: not recorded, as for a layer loaded for `query --layer`).
    public var origin: InputOrigin?
    public init(input: String, events: [EventRecord], claims: [StoredClaim] = [], places: [StoredPlace] = []) {
        self.input = input; self.events = events; self.claims = claims; self.places = places
    }
}

/// An event store: the embedded SQLite file or a PostGIS server. The CLI talks to this protocol only.
public protocol EventStore: AnyObject {
    /// Where the store is, for messages (never with a password).
    var location: String { get }
    /// Stores one input's events, claims and places in one transaction: all of it or nothing. An event whose
    /// id is already stored is updated.
    func ingest(_ batch: IngestBatch) throws(StoreError) -> IngestSummary
    /// Replaces the stored control zones (the latest `geomap build` of this store).
    func replaceZones(_ zones: [StoredZone]) throws(StoreError)
    func query(_ spatial: SpatialFilter, _ filter: EventFilter) throws(StoreError) -> QueryAnswer
    func claims() throws(StoreError) -> [StoredClaim]
    func zones() throws(StoreError) -> [StoredZone]
    func eventCount() throws(StoreError) -> Int
    /// The inputs stored, name → origin (the file's path when it was ingested).
    func inputOrigins() throws(StoreError) -> [String: String]
}

extension IngestBatch {
    /// The events with one record per id, the last one told (in batch order). An open-addressing table of
    /// 64-bit FNV-1a hashes of the ids' bytes: Swift's `Dictionary<String, Int>` costs a microsecond per id
    /// here, two seconds for a million.
    public var lastTellings: [EventRecord] {
        let n = events.count
        guard n > 1 else { return events }
        var capacity = 1
        while capacity < 2 * n { capacity <<= 1 }
        let mask = capacity - 1
        var slots = [Int32](repeating: -1, count: capacity)
        var hashes = [UInt64](repeating: 0, count: n)
        var keep = [Bool](repeating: true, count: n)
        for k in 0..<n {
            var id = events[k].id
            let h = id.withUTF8 { StableHash.fnv1a($0).hash }
            hashes[k] = h
            var slot = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
            while true {
                let other = Int(slots[slot])
                if other < 0 { slots[slot] = Int32(k); break }
                if hashes[other] == h, events[other].id == id {
                    keep[other] = false   // a later record with the same id replaces it
                    slots[slot] = Int32(k)
                    break
                }
                slot = (slot + 1) & mask
            }
        }
        var out: [EventRecord] = []
        out.reserveCapacity(n)
        for k in 0..<n where keep[k] { out.append(events[k]) }
        return out
    }
}
