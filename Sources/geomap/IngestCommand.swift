import ArgumentParser
import EventStorage
import Foundation
import Incidents
import Pipeline

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

    func run() throws {
        let target = try StoreOptions.open(store, create: true)
        var ingest = StoreIngest(inputs: inputs)
        ingest.reportDate = date.flatMap(ReportDay.init(iso:))
        ingest.skipBadRows = skipBadRows
        ingest.warn = StandardError.note
        let total = try ingest.run(into: target, gazetteer: ingest.needsGazetteer ? try gazetteerOptions.open() : nil)
        StandardError.note("\(target.location): \(total.inserted) events added, \(total.updated) updated, \(total.claims) claims, \(total.places) places; \(try target.eventCount()) events stored")
    }
}
