import Foundation
import GDALFormats
import GeoCore
import Incidents

/// The layers of `geomap build` in a GDAL format: one GeoPackage holding the four layers, or one file per
/// layer (FlatGeobuf, KML, Shapefile). Everything is written in a temporary folder inside the output folder and
/// moved into place by `finish`, so a failure (a full disk, GDAL refusing a value) leaves the old layers.
/// Incidents stream in as they come, committed every `transactionSize` features.
final class GDALLayerFiles {
    let folder: String
    let format: LayerWriter.Format
    let metadata: LayerMetadata
    private let staging: String
    private var datasets: [VectorDataset] = []
    private var incidents: VectorLayerWriter?
    private var committed = false
    /// The staging folder's files, then the folder: removed by `TemporaryFiles` if the process is interrupted.
    private var slots: [Int?] = []
    static let transactionSize = 100_000
    static let stagingPrefix = ".geomap-build-"

    init(folder: String, format: LayerWriter.Format, metadata: LayerMetadata) throws {
        self.folder = folder
        self.format = format
        self.metadata = metadata
        staging = (folder as NSString).appendingPathComponent(Self.stagingPrefix + "\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        Self.removeStale(in: folder)
        do { try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: false) } catch {
            throw GDALError(file: folder, message: "cannot write here (\((error as NSError).localizedDescription))")
        }
        // The files GDAL may make (a Shapefile's parts, SQLite's journals), each one; the folder last.
        let exts = format == .shp ? ["shp", "shx", "dbf", "prj", "cpg", "qix"]
            : format == .gpkg ? ["gpkg", "gpkg-journal", "gpkg-wal", "gpkg-shm"] : [format.rawValue]
        let names = format == .gpkg ? ["layers"] : ["incidents", "control_zones", "places", "uncertainty"]
        for name in names { for ext in exts { slots.append(TemporaryFiles.register((staging as NSString).appendingPathComponent(name + "." + ext))) } }
        slots.append(TemporaryFiles.register(staging))
        do {
            let writer = try layer("incidents", geometry: .point, fields: LayerSchemas.incidents)
            try writer.dataset.beginTransaction()
            incidents = writer
        } catch let failure as GDALError { throw renamed(failure) }
    }

    deinit {
        if !committed { try? FileManager.default.removeItem(atPath: staging) }
        slots.forEach(TemporaryFiles.forget)
    }

    /// Staging folders left by builds whose process is gone (killed outright).
    static func removeStale(in folder: String) {
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where entry.hasPrefix(stagingPrefix) {
            guard let pid = Int32(entry.dropFirst(stagingPrefix.count).prefix(while: { $0 != "-" })), pid > 0, pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { try? FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent(entry)) }
        }
    }

    var incidentCount: Int { incidents?.featureCount ?? finishedCount }
    private var finishedCount = 0

    var driver: String {
        switch format {
        case .gpkg: return "GPKG"
        case .fgb: return "FlatGeobuf"
        case .kml: return "KML"
        default: return "ESRI Shapefile"
        }
    }

    /// A new layer: in the GeoPackage, or in a dataset of its own.
    private func layer(_ name: String, geometry: LayerGeometry, fields: [LayerField]) throws -> VectorLayerWriter {
        let dataset: VectorDataset
        if format == .gpkg, let gpkg = datasets.first {
            dataset = gpkg
        } else {
            let file = (staging as NSString).appendingPathComponent((format == .gpkg ? "layers" : name) + "." + format.rawValue)
            // SQLite's page cache for the GeoPackage being written: 64 MB instead of GDAL's default, a fixed
            // amount (memory stays flat in the number of features) that makes a million incidents 17 % faster.
            dataset = try VectorDataset.create(path: file, driver: driver, config: format == .gpkg ? ["OGR_SQLITE_CACHE": "64"] : [:])
            datasets.append(dataset)
            if format == .gpkg { try metadata.items.forEach { try dataset.setMetadata($0.key, $0.value) } }
        }
        let shaped = format == .shp ? fields.map { LayerField(ShapefileNames.shortName($0.name), $0.kind) } : fields
        let options: [String]
        switch format {
        case .shp: options = ["ENCODING=UTF-8", "SPATIAL_INDEX=YES"]
        case .gpkg: options = ["SPATIAL_INDEX=YES", "IDENTIFIER=\(name)", "DESCRIPTION=geomap \(name)"]
        default: options = []
        }
        let writer = try dataset.createLayer(name, geometry: geometry, fields: shaped, options: options)
        if format != .kml { try metadata.items.forEach { try writer.setMetadata($0.key, $0.value) } }
        return writer
    }

    func add(_ incident: Incident, at point: Coordinate, id: String, source: String) throws {
        guard let writer = incidents else { return }
        do {
            try writer.write(.point(point), LayerSchemas.values(incident, id: id, source: source))
            if writer.featureCount % Self.transactionSize == 0 {
                try writer.dataset.commitTransaction()
                try writer.dataset.beginTransaction()
            }
        } catch { throw renamed(error) }
    }

    /// Writes the small layers, closes every dataset and moves the files into the folder; the paths written.
    func finish(_ layers: LayerSet) throws -> [String] {
        do {
            try incidents?.dataset.commitTransaction()
            let zoneFields = LayerSchemas.controlZones(timeline: layers.timeline)
            for (name, geometry, fields, features) in [
                ("control_zones", LayerGeometry.multiPolygon, zoneFields, layers.controlZones),
                ("places", .point, LayerSchemas.places, layers.places),
                ("uncertainty", .multiPolygon, LayerSchemas.uncertainty, layers.uncertainty),
            ] {
                let writer = try layer(name, geometry: geometry, fields: fields)
                try writer.dataset.beginTransaction()
                for f in features { try writer.write(f.geometry, LayerSchemas.values(f.properties, fields)) }
                try writer.dataset.commitTransaction()
            }
            if format == .gpkg, let gpkg = datasets.first { try QGISStyles.write(into: gpkg, timeline: layers.timeline) }
            finishedCount = incidents?.featureCount ?? 0
            incidents = nil
            for d in datasets { try d.close() }
        } catch let failure as GDALError { throw renamed(failure) }
        datasets = []
        let files = try FileManager.default.contentsOfDirectory(atPath: staging).sorted()
        var written: [String] = []
        for f in files {
            let target = (folder as NSString).appendingPathComponent(f)
            guard rename((staging as NSString).appendingPathComponent(f), target) == 0 else {
                throw GDALError(file: target, message: "cannot be moved into place: \(String(cString: strerror(errno)))")
            }
            written.append(target)
        }
        committed = true
        slots.forEach(TemporaryFiles.forget)
        slots = []
        try? FileManager.default.removeItem(atPath: staging)
        // The main file of each layer (a Shapefile's .shp, not its .dbf and .shx).
        return written.filter { $0.hasSuffix("." + format.rawValue) }
    }

    /// GDAL's error with the file's final name, not the staging one.
    private func renamed(_ failure: any Error) -> any Error {
        guard let g = failure as? GDALError else { return failure }
        return GDALError(file: g.file.replacingOccurrences(of: staging, with: folder), message: g.message.replacingOccurrences(of: staging, with: folder))
    }
}

/// What the layers say about themselves: geomap's version, the inputs, the gazetteer.
public struct LayerMetadata: Sendable {
    public var sources: [String]
    public var gazetteer: String
    public var version: String

    public init(sources: [String], gazetteer: String, version: String) {
        self.sources = sources; self.gazetteer = gazetteer; self.version = version
    }

    var items: [(key: String, value: String)] {
        [("GEOMAP_VERSION", version), ("SOURCES", sources.joined(separator: "; ")), ("GAZETTEER", gazetteer)]
    }
}
