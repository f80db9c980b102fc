import ArgumentParser
import Foundation
import GeoCore
import Reports
import Store
import Zones

struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Store events, control claims and places from reports, event files or incidents layers.",
        discussion: """
        INPUT: reports (.txt), event files (.yaml, .json, ACLED .csv) or incidents layers written by geomap build
        (.geojson, .geojsons). Each input is stored in one transaction: a bad file changes nothing. An event
        whose id is already stored (SOURCE:ID) is updated, not duplicated. Zones are rebuilt from all the
        store's claims afterwards. Several ingests may write one store at once (WAL, busy timeout).

        Example:
          geomap ingest Output/seed/incidents.geojson --store events.sqlite
        """
    )

    @Argument(help: "Reports, event files or incidents layers.") var inputs: [String]
    @Option(help: ArgumentHelp(StoreOptions.help, valueName: "store")) var store: String?
    @Option(help: ArgumentHelp("Report date for reports without a dateline (YYYY-MM-DD).", valueName: "date")) var date: String?
    @Flag(help: "In event files, report bad rows and leave them out instead of stopping.") var skipBadRows = false
    @OptionGroup var gazetteerOptions: GazetteerOptions

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("give at least one input") }
        if let date, ReportDay(iso: date) == nil { throw ValidationError("'\(date)' is not a date YYYY-MM-DD") }
    }

    static func isLayer(_ path: String) -> Bool { path.hasSuffix(".geojson") || path.hasSuffix(".geojsons") }

    func run() throws {
        let target = try StoreOptions.open(store, create: true)
        let needsGazetteer = inputs.contains { !Self.isLayer($0) }
        let gazetteer = needsGazetteer ? try gazetteerOptions.open() : nil
        let loader = try gazetteer.map { try InputLoader(gazetteer: $0, reportDate: date.flatMap(ReportDay.init(iso:)), skipBadRows: skipBadRows) }
        var total = IngestSummary()
        for input in inputs {
            let name = (input as NSString).lastPathComponent
            let batch: IngestBatch
            if Self.isLayer(input) {
                batch = IngestBatch(input: name, events: try IncidentLayerReader.read(input))
            } else {
                let loaded = try loader!.load(input)
                batch = loader!.storeBatch(loaded, claims: try loader!.zoneClaims(loaded))
            }
            let s = try target.ingest(batch)
            total.inserted += s.inserted; total.updated += s.updated; total.claims += s.claims; total.places += s.places
        }
        let claims = try target.claims()
        if !claims.isEmpty, let gazetteer {
            let zones = try ControlZoneBuilder(store: gazetteer.store).build(try claims.map { try ZoneClaim($0, gazetteer: gazetteer) })
            try target.replaceZones(zones.map(StoredZone.init))
        }
        StandardError.note("\(target.location): \(total.inserted) events added, \(total.updated) updated, \(total.claims) claims, \(total.places) places; \(try target.eventCount()) events stored")
    }
}
