import Foundation
import GeoCore
import Geoparsing
import Locating
import Places
import Reports
import Store
import Zones

/// What one input file gave: incidents, resolved mentions, control claims.
struct LoadedInput {
    let name: String
    var incidents: [Incident] = []
    var mentions: [Mention] = []
    var control: [ControlClaim] = []
}

/// Reads the inputs `build` and `ingest` share: reports (.txt, geoparsed and read for events) and event
/// files (.yaml/.yml, .json, ACLED .csv).
struct InputLoader {
    let gazetteer: Gazetteer
    let reader: ReportReader
    let reportDate: ReportDay?
    let skipBadRows: Bool

    init(gazetteer: Gazetteer, reportDate: ReportDay?, skipBadRows: Bool) throws {
        self.gazetteer = gazetteer
        reader = try ReportReader(gazetteer: gazetteer)
        self.reportDate = reportDate
        self.skipBadRows = skipBadRows
    }

    func load(_ input: String) throws -> LoadedInput {
        var out = LoadedInput(name: (input as NSString).lastPathComponent)
        if ExtractCommand.isEventFile(input) {
            var reader = EventFileReader(locator: try Locator(gazetteer: gazetteer))
            reader.skipBadRows = skipBadRows
            reader.warn = { StandardError.note("skipped: \($0)") }
            let read = try reader.read(input)
            out.incidents = read.incidents
            out.control = read.control
        } else {
            let text = try ReportText.read(input)
            let (day, daySource) = EventExtractor.reportDate(of: text, given: reportDate)
            let read = try reader.read(text, reportDate: day, reportDateSource: daySource)
            out.mentions = read.mentions
            out.incidents = read.events.incidents
            out.control = read.events.control
        }
        return out
    }

    /// The claims of an input with their places' records, ready for zones (claims without an actor or a
    /// resolved place cannot draw a zone).
    func zoneClaims(_ loaded: LoadedInput) throws -> [ZoneClaim] {
        try loaded.control.compactMap { c in
            guard let actor = c.actor, let id = c.placeID, let place = try gazetteer.store.place(id: id) else { return nil }
            return ZoneClaim(actor: actor, place: place, status: c.status, date: c.date, source: loaded.name)
        }
    }
}

extension InputLoader {
    /// What an input gives the event store: its located incidents, its claims (with their places) and the
    /// places it names (relative locations are not places).
    func storeBatch(_ loaded: LoadedInput, claims: [ZoneClaim]) -> IngestBatch {
        IngestBatch(input: loaded.name, events: loaded.incidents.compactMap { EventRecord($0, input: loaded.name) },
                    claims: claims.map(StoredClaim.init),
                    places: loaded.mentions.compactMap { $0.relative == nil ? $0.place.map(StoredPlace.init) : nil })
    }
}

extension StoredClaim {
    init(_ c: ZoneClaim) {
        self.init(actor: c.actor, status: c.status, date: c.date?.description, placeID: c.place.id, placeName: c.place.name,
                  placeKind: c.place.kind.rawValue, population: c.place.population, admin1: c.place.admin1, country: c.place.country,
                  point: c.place.coordinate, source: c.source)
    }
}

extension ZoneClaim {
    /// A stored claim back as a zone claim: the place's record comes from the gazetteer when it has the id
    /// (administrative areas keep their polygons), else from what the store kept.
    init(_ c: StoredClaim, gazetteer: Gazetteer?) throws {
        let place = try gazetteer?.store.place(id: c.placeID) ?? Place(
            id: c.placeID, name: c.placeName, coordinate: c.point, kind: PlaceKind(rawValue: c.placeKind) ?? .locality,
            admin1: c.admin1, country: c.country, population: c.population, source: "store")
        self.init(actor: c.actor, place: place, status: c.status, date: c.date.flatMap(ReportDay.init(iso:)), source: c.source)
    }
}

extension StoredZone {
    init(_ z: ControlZone) {
        self.init(actor: z.actor, status: z.status, asOf: z.asOf?.description, areaKm2: roundTo(z.areaKm2, decimals: 3),
                  places: z.places.joined(separator: "; "), sources: z.sources.joined(separator: "; "), geometry: z.geometry)
    }
}

extension StoredPlace {
    init(_ p: Place) {
        self.init(id: p.id, name: p.name, kind: p.kind.rawValue, admin1: p.admin1, country: p.country, point: p.coordinate)
    }
}
