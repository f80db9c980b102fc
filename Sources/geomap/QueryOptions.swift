import ArgumentParser
import Foundation
import EventStorage
import GeoCore
import Incidents
import Pipeline
import Store

/// Source, filters and output shared by `query near|within|bbox`.
struct QueryOptions: ParsableArguments {
    @Option(help: ArgumentHelp(StoreOptions.help, valueName: "store")) var store: String?
    @Option(help: ArgumentHelp("Query this incidents layer instead of a store: .geojson, .geojsons, or any GDAL source (.gpkg: its incidents layer, .fgb, .shp, .kml, .csv with WKT or lon/lat).", valueName: "file")) var layer: String?
    @Option(help: ArgumentHelp("Events on or after this day (YYYY-MM-DD).", valueName: "date")) var from: String?
    @Option(help: ArgumentHelp("Events on or before this day (YYYY-MM-DD).", valueName: "date")) var to: String?
    @Option(help: ArgumentHelp("Event type or sub-type, e.g. car_bomb, Battles.", valueName: "type")) var type: String?
    @Option(help: ArgumentHelp("One of the event's actors, e.g. ISIL.", valueName: "actor")) var actor: String?
    @Option(help: ArgumentHelp("At least this many dead (best estimate).", valueName: "n")) var minFatalities: Int?
    @Option(help: ArgumentHelp("At most this many events (nearest first for near; by date otherwise).", valueName: "n")) var limit: Int?
    @Option(name: [.short, .long], help: "Output: table, json, geojson or csv (default: table on a terminal, else json).") var format: OutputFormat?
    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file instead of stdout (atomically).", valueName: "file")) var out: String?
    @Flag(help: "With --format csv: write texts as they are (by default a text a spreadsheet would run as a formula gets a leading ').") var rawCsv = false

    func validate() throws {
        for d in [from, to].compactMap({ $0 }) where ReportDay(iso: d) == nil { throw ValidationError("'\(d)' is not a date YYYY-MM-DD") }
        if let from, let to, from > to { throw ValidationError("--from \(from) is after --to \(to)") }
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more, not \(limit)") }
        if let minFatalities, minFatalities < 0 { throw ValidationError("--min-fatalities must be 0 or more, not \(minFatalities)") }
        if store != nil, layer != nil { throw ValidationError("give --store or --layer, not both") }
    }

    var filter: EventFilter {
        EventFilter(from: from, to: to, type: type, actor: actor, minFatalities: minFatalities, limit: limit)
    }

    /// The store to query: the one named (or the default), or the layer loaded into an in-memory store.
    func openSource() throws -> any EventStore {
        guard let layer else { return try StoreOptions.open(store, create: false) }
        let memory = try SQLiteEventStore()
        _ = try memory.ingest(IngestBatch(input: (layer as NSString).lastPathComponent, events: try LayerSource.incidents(layer)))
        return memory
    }

    func run(_ spatial: SpatialFilter, on source: any EventStore) throws {
        let answer = try source.query(spatial, filter)
        let near: Bool
        if case .near = spatial { near = true } else { near = false }
        let chosen = format ?? (isatty(1) == 1 && out == nil ? .table : .json)
        let text = QueryOutput.render(answer.hits, format: chosen, near: near, rawCSV: rawCsv)
        if let out { try AtomicFile.write(text, to: out) } else { try StandardOutput.write(text) }
        StandardError.note("scanned \(answer.scanned) candidates from \(source.location == ":memory:" ? layer ?? "" : source.location), returned \(answer.hits.count) events")
    }
}
