import EventStorage
import Export
import Foundation
import GeoCore
import Geoparsing
import Incidents
import Places
import Zones

/// `geomap build`: reads reports and event files, writes the four layers into a folder (each file replaced
/// atomically, all at the end) and, when given a store, stores each input's events, claims and places and the
/// zones. Also what `geomap map` runs on reports.
public struct LayerBuild {
    public var inputs: [String]
    public var folder: String
    public var asOf: ReportDay?
    public var zoneMode: ControlZoneBuilder.Mode = .buffer
    public var format: LayerWriter.Format = .geojson
    /// Control zones as periods (`start_date`, `end_date`) instead of one day.
    public var timeline = false
    public var reportDate: ReportDay?
    public var skipBadRows = false
    /// CSV texts as they are, not neutralised against spreadsheet formulas.
    public var rawCSV = false
    public var warn: (String) -> Void = { _ in }

    public init(inputs: [String], folder: String) { self.inputs = inputs; self.folder = folder }

    /// Writes the layers; returns what was written, for the user.
    public func run(gazetteer: Gazetteer, store eventStore: (any EventStore)? = nil) throws -> String {
        let loader = try InputLoader(gazetteer: gazetteer, reportDate: reportDate, skipBadRows: skipBadRows, warn: warn)
        var layers = LayerSet()
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let metadata = LayerMetadata(sources: inputs.map { ($0 as NSString).lastPathComponent }, gazetteer: Self.describe(gazetteer),
                                     version: GeomapVersion.current)
        let writer = try LayerWriter(folder: folder, format: format, metadata: metadata)
        writer.rawCSV = rawCSV
        var claims: [ZoneClaim] = []
        let names = InputNaming.names(for: inputs, stored: try eventStore?.inputOrigins() ?? [:])
        for (input, named) in zip(inputs, names) {
            if let collision = named.collision { warn(collision) }
            let loaded = try loader.load(input, name: named.name)
            layers.add(places: Self.sightings(loaded.mentions))
            layers.add(uncertainty: Self.uncertainty(loaded.mentions))
            try writer.add(incidents: loaded.incidents, source: loaded.name)
            let inputClaims = try loader.zoneClaims(loaded)
            claims += inputClaims
            if let eventStore {
                _ = try eventStore.ingest(loader.storeBatch(loaded, claims: inputClaims, origin: InputOrigin(path: named.origin, seen: named.storedOrigin)))
            }
        }
        let builder = try ControlZoneBuilder(store: gazetteer.store)
        let zoneList = try builder.build(claims, asOf: asOf, mode: zoneMode)
        if timeline { layers.add(periods: try builder.timeline(claims, mode: zoneMode)) } else { layers.add(zones: zoneList) }
        let written = try writer.finish(layers)
        try eventStore?.replaceZones(zoneList.map(StoredZone.init))
        return "\(format == .gpkg ? "4 layers in \(written.first ?? folder)" : "\(written.count) layers to \(folder)"): \(writer.incidentCount) incidents, \(layers.controlZones.count) \(timeline ? "control zone periods" : "control zones"), \(layers.places.count) places, \(layers.uncertainty.count) uncertainty areas"
    }

    /// The gazetteer as the layers' metadata names it: its file and the sources imported into it.
    static func describe(_ gazetteer: Gazetteer) -> String {
        let sources = (try? gazetteer.store.info().sources.map(\.0.name)) ?? []
        return (gazetteer.store.path as NSString).lastPathComponent + (sources.isEmpty ? "" : " (" + sources.joined(separator: ", ") + ")")
    }

    /// The resolved places of the mentions (relative locations are not places).
    static func sightings(_ mentions: [Mention]) -> [PlaceSighting] {
        mentions.compactMap { m in m.relative == nil ? m.place.map { PlaceSighting(text: m.text, place: $0) } : nil }
    }

    /// The uncertainty areas of the relative mentions.
    static func uncertainty(_ mentions: [Mention]) -> [UncertaintyRecord] {
        mentions.compactMap { m in
            guard let r = m.relative else { return nil }
            return UncertaintyRecord(expression: m.text, anchor: r.anchor, point: m.place?.coordinate,
                                     distanceKm: r.expression.distance?.kilometers, bearingDeg: r.bearing?.degrees, area: r.uncertainty,
                                     areaKm2: r.areaKm2)
        }
    }
}
