import EventStorage
import Export
import Foundation
import GDALFormats
import GeoCore
import Incidents

/// Layers geomap reads: its own GeoJSON (.geojson, .geojsons) with its reader, every other vector source
/// through GDAL (GeoPackage, FlatGeobuf, Shapefile, KML, and CSV with a WKT or lon/lat columns). Fields are
/// matched by name, as in geomap's layers (Shapefile's shortened names included).
public enum LayerSource {
    static let gdalExtensions: Set<String> = ["gpkg", "fgb", "shp", "kml", "gml", "sqlite", "gdb", "tab", "mif"]

    /// Whether the path is a layer (not a report or an event file). A CSV is a layer when its header has
    /// a WKT/geometry column or lon/lat columns and is not ACLED's (`event_id_cnty`: an event file).
    public static func isLayer(_ path: String) -> Bool {
        let ext = (path as NSString).pathExtension.lowercased()
        if ext == "geojson" || ext == "geojsons" || gdalExtensions.contains(ext) { return true }
        guard ext == "csv", let header = firstLine(path) else { return false }
        let columns = Set(header.lowercased().split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\" \r")) })
        guard !columns.contains("event_id_cnty") else { return false }
        return !columns.isDisjoint(with: ["wkt", "geometry", "geom"])
            || (!columns.isDisjoint(with: ["lat", "latitude"]) && !columns.isDisjoint(with: ["lon", "lng", "longitude"]))
    }

    static func isGeoJSON(_ path: String) -> Bool { path.hasSuffix(".geojson") || path.hasSuffix(".geojsons") }

    private static func firstLine(_ path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: 4096)) ?? Data()
        return String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).first.map(String.init)
    }

    /// GDAL's open options: CSV geometry from a WKT column or from lon/lat columns, types detected.
    static func openOptions(_ path: String) -> [String] {
        guard path.lowercased().hasSuffix(".csv") else { return [] }
        return ["GEOM_POSSIBLE_NAMES=wkt,WKT,geometry,geom", "X_POSSIBLE_NAMES=longitude,lon,lng,x", "Y_POSSIBLE_NAMES=latitude,lat,y",
                "KEEP_GEOM_COLUMNS=NO", "AUTODETECT_TYPE=YES"]
    }

    /// The features of a GDAL source's layer: the one named, else `preferred` when the source has it, else
    /// the first. Shapefile field names come back as geomap's.
    public static func features(_ path: String, layer: String? = nil, preferred: String? = nil, where filter: String? = nil) throws -> [(feature: GeoJSONFeature, location: String)] {
        let dataset = try VectorDataset.open(path: path, openOptions: openOptions(path))
        let name = layer ?? preferred.flatMap { p in dataset.layerNames.contains(p) ? p : nil }
        return asGeomaps(try dataset.reader(layer: name, where: filter).features(), from: path)
    }

    /// Features read from a GDAL source with geomap's field names: Shapefile's short names and KML's `<name>`
    /// (`Name`) come back as geomap's, LIBKML's own placemark fields are left out.
    static func asGeomaps(_ read: [(feature: GeoJSONFeature, location: String)], from path: String) -> [(feature: GeoJSONFeature, location: String)] {
        if path.lowercased().hasSuffix(".kml") { return read.map { ($0.feature.withKMLFieldsAsGeomaps, $0.location) } }
        guard path.lowercased().hasSuffix(".shp") else { return read }
        return read.map { item in
            var f = item.feature
            f.properties = JSONObject(f.properties.map { (ShapefileNames.fullName($0.0), $0.1) })
            return (f, item.location)
        }
    }

    /// The fields GDAL's LIBKML reader adds to every placemark; geomap's layers have none of them but `name`, which
    /// KML keeps as the placemark's `<name>` (read back as `Name`).
    static let kmlPlacemarkFields: Set<String> = ["Name", "description", "timestamp", "begin", "end", "altitudeMode", "tessellate",
                                                  "extrude", "visibility", "drawOrder", "icon", "snippet"]

    /// The incidents of a layer, with the ids it was written with.
    public static func incidents(_ path: String) throws -> [EventRecord] {
        if isGeoJSON(path) { return try IncidentLayerReader.read(path) }
        let name = InputText.displayName(path)
        return try features(path, preferred: "incidents").map { item in
            var f = item.feature
            f.properties = typed(f.properties)
            return try EventRecord(feature: f, path: "\(name): \(item.location)")
        }
    }

    /// Values as geomap's columns want them, from formats that keep text where geomap has numbers (KML, CSV
    /// without detected types): whole numbers for integer columns, numbers for reals, YYYY-MM-DD for dates.
    static func typed(_ properties: JSONObject) -> JSONObject {
        var out = properties
        for c in IncidentColumn.allCases {
            guard case .string(let s)? = properties[c.name] else { continue }
            let t = s.trimmingCharacters(in: .whitespaces)
            switch c.kind {
            case .integer, .real: out[c.name] = t.isEmpty ? .null : Double(t).map(JSONValue.number) ?? .string(s)
            case .date: out[c.name] = t.isEmpty ? .null : .string(t.replacingOccurrences(of: "/", with: "-"))
            case .text: break
            }
        }
        return out
    }

    /// Every Polygon and MultiPolygon of a source (GeoJSON, or a GDAL layer: named, else the first one with
    /// polygons), after an OGR SQL attribute filter.
    public static func polygons(_ path: String, layer: String? = nil, where filter: String? = nil) throws -> [[[Coordinate]]] {
        if isGeoJSON(path) {
            guard filter == nil, layer == nil else { throw PipelineError("--where and --polygon-layer read GDAL sources (GeoPackage, FlatGeobuf, Shapefile…), not GeoJSON") }
            return try GeoJSONFile.readFeatures(path).compactMap(\.feature.geometry).flatMap(\.polygons)
        }
        var name = layer
        if name == nil {
            let dataset = try VectorDataset.open(path: path, openOptions: openOptions(path))
            name = dataset.layerNames.first { n in (try? dataset.reader(layer: n).declaresPolygons) ?? false }
        }
        return try features(path, layer: name, where: filter).compactMap(\.feature.geometry).flatMap(\.polygons)
    }
}

extension GeoJSONFeature {
    /// A placemark read from KML with geomap's fields: `Name` as `name`, GDAL's placemark fields left out.
    var withKMLFieldsAsGeomaps: GeoJSONFeature {
        var f = self
        let name = f.properties["Name"]
        f.properties = JSONObject(f.properties.filter { !LayerSource.kmlPlacemarkFields.contains($0.0) })
        if f.properties["name"] == nil, let name, name != .null { f.properties["name"] = name }
        return f
    }
}
