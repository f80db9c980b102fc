import EventStorage
import GeoCore
import Geoparsing
import Incidents
import Places
import Zones

/// The records an input gives the event store, and zone claims read back from it.
extension InputLoader {
    /// What an input gives the event store: its located incidents, its claims (with their places) and the
    /// places it names (relative locations are not places).
    public func storeBatch(_ loaded: LoadedInput, claims: [ZoneClaim], origin: InputOrigin? = nil) -> IngestBatch {
        var batch = IngestBatch(input: loaded.name, events: loaded.incidents.compactMap { EventRecord($0, input: loaded.name) },
                                claims: claims.map(StoredClaim.init),
                                places: loaded.mentions.compactMap { $0.relative == nil ? $0.place.map(StoredPlace.init) : nil })
        batch.origin = origin
        return batch
    }
}

extension StoredClaim {
    public init(_ c: ZoneClaim) {
        self.init(actor: c.actor, status: c.status, date: c.date?.description, placeID: c.place.id, placeName: c.place.name,
                  placeKind: c.place.kind.rawValue, population: c.place.population, admin1: c.place.admin1, country: c.place.country,
                  point: c.place.coordinate, source: c.source)
    }
}

extension ZoneClaim {
    /// A stored claim back as a zone claim: the place's record comes from the gazetteer when it has the id
    /// (administrative areas keep their polygons), else from what the store kept.
    public init(_ c: StoredClaim, gazetteer: Gazetteer?) throws {
        let place = try gazetteer?.store.place(id: c.placeID) ?? Place(
            id: c.placeID, name: c.placeName, coordinate: c.point, kind: PlaceKind(rawValue: c.placeKind) ?? .locality,
            admin1: c.admin1, country: c.country, population: c.population, source: "store")
        self.init(actor: c.actor, place: place, status: c.status, date: c.date.flatMap(ReportDay.init(iso:)), source: c.source)
    }
}

extension StoredZone {
    public init(_ z: ControlZone) {
        self.init(actor: z.actor, status: z.status, asOf: z.asOf?.description, areaKm2: roundTo(z.areaKm2, decimals: 3),
                  places: z.places.joined(separator: "; "), sources: z.sources.joined(separator: "; "), geometry: z.geometry)
    }
}

extension StoredPlace {
    public init(_ p: Place) {
        self.init(id: p.id, name: p.name, kind: p.kind.rawValue, admin1: p.admin1, country: p.country, point: p.coordinate)
    }
}
