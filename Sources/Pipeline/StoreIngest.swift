import EventStorage
import Foundation
import Incidents
import Places
import Zones

/// `geomap ingest`: each input (report, event file or incidents layer) stored in one transaction, then the
/// zones rebuilt from every claim the store holds.
public struct StoreIngest {
    public var inputs: [String]
    public var reportDate: ReportDay?
    public var skipBadRows = false
    public var warn: (String) -> Void = { _ in }

    public init(inputs: [String]) { self.inputs = inputs }

    /// Whether the inputs need a gazetteer (reports and event files do; incidents layers do not).
    public var needsGazetteer: Bool { inputs.contains { !LayerSource.isLayer($0) } }

    /// Stores the inputs; returns what changed, added up.
    public func run(into target: any EventStore, gazetteer: Gazetteer?) throws -> IngestSummary {
        let loader = try gazetteer.map { try InputLoader(gazetteer: $0, reportDate: reportDate, skipBadRows: skipBadRows, warn: warn) }
        var total = IngestSummary()
        let names = InputNaming.names(for: inputs, stored: try target.inputOrigins())
        for (input, named) in zip(inputs, names) {
            if let collision = named.collision { warn(collision) }
            let origin = InputOrigin(path: named.origin, seen: named.storedOrigin)
            var batch: IngestBatch
            if LayerSource.isLayer(input) {
                // A layer's events keep the ids it was written with.
                batch = IngestBatch(input: named.name, events: try LayerSource.incidents(input))
                batch.origin = origin
            } else {
                guard let loader else { throw PipelineError("\(input): reading a report or event file needs a gazetteer") }
                let loaded = try loader.load(input, name: named.name)
                batch = loader.storeBatch(loaded, claims: try loader.zoneClaims(loaded), origin: origin)
            }
            let s = try target.ingest(batch)
            total.inserted += s.inserted; total.updated += s.updated; total.claims += s.claims; total.places += s.places
        }
        let claims = try target.claims()
        if !claims.isEmpty, let gazetteer {
            let zones = try ControlZoneBuilder(store: gazetteer.store).build(try claims.map { try ZoneClaim($0, gazetteer: gazetteer) })
            try target.replaceZones(zones.map(StoredZone.init))
        }
        return total
    }
}
