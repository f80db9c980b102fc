import Cartography
import Foundation
import GDALFormats
import GeoCore
import Incidents
import Places

/// `geomap map`: gathers the layers from folders, layer files, reports and event files (built on the fly),
/// then writes a static map (SVG, PNG) or an interactive one (HTML).
public struct MapJob {
    public enum Format: String, CaseIterable, Sendable { case svg, png, html }

    public var inputs: [String]
    public var out: String
    public var format: Format
    public var title: String?
    public var asOf: ReportDay?
    public var extent: BoundingBox?
    public var width = 1600
    public var reportDate: ReportDay?
    public var tiles: TileSource?

    public init(inputs: [String], out: String, format: Format) { self.inputs = inputs; self.out = out; self.format = format }

    /// The format `--out` names by its extension ("-" is SVG on standard output).
    public static func format(of out: String) -> Format? {
        out == "-" ? .svg : Format(rawValue: (out as NSString).pathExtension.lowercased())
    }

    /// Whether some input is a report or event file, which needs the gazetteer.
    public var readsReports: Bool { inputs.contains { !Self.isFolder($0) && !LayerSource.isLayer($0) } }

    /// Writes the map; returns what it drew, for the user.
    public func run(gazetteer: Gazetteer?) throws -> String {
        var layers = MapLayers()
        var reports: [String] = []
        for input in inputs {
            guard FileManager.default.fileExists(atPath: input) else { throw PipelineError("\(input): no such file or folder") }
            if Self.isFolder(input) {
                try Self.addFolder(input, to: &layers)
            } else if ReportText.isLayer(input) {
                try layers.add(file: input)
            } else if LayerSource.isLayer(input) {
                try Self.addGDALSource(input, to: &layers)
            } else {
                reports.append(input)
            }
        }
        if !reports.isEmpty, let gazetteer {
            let tempFolder = try TemporaryFiles.folder("map")
            defer { TemporaryFiles.removeFolder(tempFolder) }
            var build = LayerBuild(inputs: reports, folder: tempFolder.path)
            build.asOf = asOf
            build.reportDate = reportDate
            // The interactive map's slider shows control as of each day: it needs the zones' periods.
            build.timeline = format == .html && asOf == nil
            _ = try build.run(gazetteer: gazetteer)
            try layers.add(folder: tempFolder.path)
        }
        if let asOf { layers.keepIncidents(onOrBefore: asOf.description) }
        let shownAsOf = asOf?.description ?? layers.zones.compactMap { $0.properties["as_of"]?.stringValue }.max()
            ?? layers.incidents.compactMap { $0.properties[IncidentColumn.eventDate.name]?.stringValue }.max()
        var attribution = MapRenderer.baseAttribution
        if layers.places.contains(where: { $0.id?.description.hasPrefix("wof:") == true }) {
            attribution.append("Data from Who's On First (whosonfirst.org/docs/licenses)")
        }
        let title = self.title ?? "Events from " + inputs.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")
        switch format {
        case .html:
            var document = HTMLMapDocument(title: title, asOf: asOf?.description, extent: extent, tiles: tiles)
            document.attribution = attribution
            try AtomicFile.write(try document.render(layers, gazetteer: gazetteer?.store, library: try LeafletLibrary.load()), to: out)
        case .svg, .png:
            var renderer = MapRenderer(title: title, asOf: shownAsOf, width: Double(width), extent: extent)
            renderer.attribution = attribution
            let svg = try renderer.render(layers, gazetteer: gazetteer?.store)
            if format == .png { try PNGRasterizer.write(svg: svg, to: out, width: width) } else { try AtomicFile.write(svg, to: out) }
        }
        return "wrote \(out): \(layers.zones.count) zones, \(layers.incidents.count) incidents, \(layers.places.count) places, \(layers.uncertainty.count) uncertainty areas"
    }

    /// A folder written by `geomap build`: its GeoJSON layers, else the layers of its other format (`layers.gpkg`,
    /// or one file per layer: `incidents.fgb`, `.shp`, `.kml`).
    static func addFolder(_ folder: String, to layers: inout MapLayers) throws {
        guard MapLayers.layerFiles(in: folder, extensions: ["geojson", "geojsons"]).isEmpty else { return try layers.add(folder: folder) }
        let package = (folder as NSString).appendingPathComponent("layers.gpkg")
        let files = FileManager.default.fileExists(atPath: package) ? [package] : MapLayers.layerFiles(in: folder, extensions: ["fgb", "shp", "kml"])
        if files.isEmpty { throw PipelineError("\(folder): no layer files (incidents.geojson, layers.gpkg, incidents.fgb, …) in this folder") }
        for p in files { try addGDALSource(p, to: &layers) }
    }

    /// A layer source GDAL reads (GeoPackage, FlatGeobuf, Shapefile, KML…): each of its layers named as a geomap
    /// layer is that layer; a source of one layer is also known by its file name or its features
    /// (`MapLayers.guess`). A source with none of geomap's layers is an error.
    static func addGDALSource(_ path: String, to layers: inout MapLayers) throws {
        let dataset = try VectorDataset.open(path: path, openOptions: LayerSource.openOptions(path))
        let names = dataset.layerNames
        let base = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        var found = false
        for name in names {
            // A layer of another name is read only when it is the source's one layer (its features may tell).
            guard MapLayers.Layer(rawValue: name) != nil || names.count == 1 else { continue }
            let features = LayerSource.asGeomaps(try dataset.reader(layer: name).features(), from: path).map(\.feature)
            guard let layer = MapLayers.Layer(rawValue: name) ?? MapLayers.Layer(rawValue: base) ?? MapLayers.guess(features) else { continue }
            layers.add(features, as: layer)
            found = true
        }
        if !found { throw PipelineError("\(path): not a geomap layer (expected layers named incidents, control_zones, places or uncertainty)") }
    }

    static func isFolder(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }
}
