import Foundation
import GDALFormats
import GeoCore
import Incidents

/// Writes the layers of `geomap build` into a folder. Incidents stream to disk as they are added (memory
/// does not grow with their number); the other layers come at `finish`, which renames every file into place
/// at once, so a build that fails anywhere leaves the previous layers intact. GeoJSON, GeoJSONSeq and CSV are
/// geomap's own streaming writers; GeoPackage, FlatGeobuf, KML and Shapefile are written by GDAL.
public final class LayerWriter {
    public enum Format: String, Sendable, CaseIterable {
        case geojson, geojsonseq, csv, gpkg, fgb, kml, shp

        /// Formats GDAL writes.
        public var viaGDAL: Bool { ![.geojson, .geojsonseq, .csv].contains(self) }
    }

    public let folder: String
    public let format: Format
    private let incidents: GeoJSONLayerWriter?
    private let gdal: GDALLayerFiles?
    private let csv: AtomicFileWriter?
    public var incidentCount: Int { incidents?.featureCount ?? gdal?.incidentCount ?? 0 }
    /// CSV texts as they are, not neutralised against spreadsheet formulas (`CSVCell`).
    public var rawCSV = false

    public init(folder: String, format: Format, metadata: LayerMetadata) throws {
        self.folder = folder
        self.format = format
        if format.viaGDAL {
            gdal = try GDALLayerFiles(folder: folder, format: format, metadata: metadata)
            incidents = nil
            csv = nil
            return
        }
        gdal = nil
        incidents = try GeoJSONLayerWriter(path: Self.path(folder, "incidents", format), layout: Self.layout(format))
        if format == .csv {
            let file = try AtomicFileWriter(path: (folder as NSString).appendingPathComponent("incidents.csv"))
            try file.append(ACLEDCSV.header)
            csv = file
        } else {
            csv = nil
        }
    }

    static func layout(_ format: Format) -> GeoJSONLayerWriter.Layout { format == .geojsonseq ? .textSequence : .featureCollection }

    static func path(_ folder: String, _ layer: String, _ format: Format) -> String {
        (folder as NSString).appendingPathComponent(layer + (format == .geojsonseq ? ".geojsons" : ".geojson"))
    }

    /// Incidents without a point are not drawn (they stay in `geomap extract`'s JSON).
    public func add(incidents list: some Sequence<Incident>, source: String) throws {
        for e in list {
            guard let p = e.point else { continue }
            let id = source + ":" + e.id
            if let gdal {
                try gdal.add(e, at: p, id: id, source: source)
                continue
            }
            try incidents?.writePoint(id: id, at: p) { IncidentProperties.write(e, id: id, source: source, into: &$0) }
            if let csv, let row = ACLEDCSV.row(e, raw: rawCSV) { try csv.append(row) }
        }
    }

    /// Writes the small layers and moves every file into place; returns the paths written.
    public func finish(_ layers: LayerSet) throws -> [String] {
        if let gdal { return try gdal.finish(layers) }
        guard let incidents else { return [] }
        var pending: [GeoJSONLayerWriter] = [incidents]
        for (name, features) in [("control_zones", layers.controlZones), ("places", layers.places), ("uncertainty", layers.uncertainty)] {
            let w = try GeoJSONLayerWriter(path: Self.path(folder, name, format), layout: Self.layout(format))
            for f in features { try w.write(f) }
            pending.append(w)
        }
        for w in pending { try w.commit() }
        try csv?.commit()
        return pending.map(\.path) + (csv.map { [$0.path] } ?? [])
    }
}

/// The columns of the incidents layer, in `IncidentColumn`'s order.
enum IncidentProperties {
    static func write(_ e: Incident, id: String, source: String, into p: inout FeatureProperties) {
        for c in IncidentColumn.allCases {
            switch c {
            case .id: p.string(c.key, id)
            case .eventDate: p.string(c.key, e.date?.description)
            case .eventType: p.string(c.key, e.eventType)
            case .subType: p.string(c.key, e.subType)
            case .actors: p.string(c.key, e.actors.joined(separator: "; "))
            case .location: p.string(c.key, e.locationText)
            case .admin1: p.string(c.key, e.admin1)
            case .geoPrecision: p.integer(c.key, e.geoPrecision)
            case .fatalitiesLow: p.integer(c.key, e.fatalitiesLow)
            case .fatalitiesBest: p.integer(c.key, e.fatalitiesBest)
            case .fatalitiesHigh: p.integer(c.key, e.fatalitiesHigh)
            case .fatalityClaims: p.string(c.key, e.fatalityClaimsText)
            case .source:
                let sources = e.sourcesText
                p.string(c.key, sources.isEmpty ? source : sources)
            case .evidence: p.string(c.key, e.evidenceText ?? "")
            case .notes: p.string(c.key, e.notes ?? "")
            case .uncertaintyKm: p.number(c.key, e.uncertaintyKm, decimals: 3)
            }
        }
    }
}
