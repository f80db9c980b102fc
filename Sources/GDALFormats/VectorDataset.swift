import CGDAL
import Foundation

/// One GDAL vector dataset (a GeoPackage, a FlatGeobuf, a Shapefile, a KML, a CSV …), owning its handle and
/// the WGS 84 reference its layers are written in; closed (and flushed) by `close()` or, failing that, `deinit`.
/// Layers, writers and readers keep the dataset alive; none may be used after `close()`.
public final class VectorDataset {
    public let path: String
    var handle: GDALDatasetH?
    /// EPSG:4326 in lon/lat order, as RFC 7946 and every geomap layer has it.
    let wgs84: OGRSpatialReferenceH

    private init(path: String, handle: GDALDatasetH) {
        self.path = path
        self.handle = handle
        wgs84 = OSRNewSpatialReference(nil)
        OSRImportFromEPSG(wgs84, 4326)
        OSRSetAxisMappingStrategy(wgs84, OAMS_TRADITIONAL_GIS_ORDER)
    }

    deinit {
        if let handle { GDALClose(handle) }
        OSRRelease(wgs84)
    }

    /// A new dataset with GDAL's driver of that name ("GPKG", "FlatGeobuf", "ESRI Shapefile", "KML").
    /// `config`: GDAL configuration options read when the dataset is created, set for this thread only.
    public static func create(path: String, driver name: String, options: [String] = [], config: [String: String] = [:]) throws(GDALError) -> VectorDataset {
        GDALLibrary.ensure()
        CPLErrorReset()
        guard let driver = GDALGetDriverByName(name) else { throw GDALError(file: path, message: "GDAL has no \(name) driver") }
        for (key, value) in config { CPLSetThreadLocalConfigOption(key, value) }
        defer { for key in config.keys { CPLSetThreadLocalConfigOption(key, nil) } }
        let handle = GDALLibrary.withStringList(options) { GDALCreate(driver, path, 0, 0, 0, GDT_Unknown, $0) }
        guard let handle else { throw GDALError(file: path, message: GDALLibrary.lastError("cannot be created")) }
        return VectorDataset(path: path, handle: handle)
    }

    /// An existing vector source, read-only. `openOptions`: the driver's open options (`KEY=VALUE`).
    public static func open(path: String, openOptions: [String] = []) throws(GDALError) -> VectorDataset {
        GDALLibrary.ensure()
        CPLErrorReset()
        guard FileManager.default.fileExists(atPath: path) else { throw GDALError(file: path, message: "no such file") }
        let flags = UInt32(GDAL_OF_VECTOR) | UInt32(GDAL_OF_READONLY)
        let handle = GDALLibrary.withStringList(openOptions) { options in
            GDALOpenEx(path, flags, nil, UnsafeRawPointer(options)?.assumingMemoryBound(to: UnsafePointer<CChar>?.self), nil)
        }
        guard let handle else { throw GDALError(file: path, message: GDALLibrary.lastError("not a vector format GDAL reads")) }
        return VectorDataset(path: path, handle: handle)
    }

    func live() throws(GDALError) -> GDALDatasetH {
        guard let handle else { throw GDALError(file: path, message: "dataset already closed") }
        return handle
    }

    /// A new layer in WGS 84 with these fields, in this order. `options`: the driver's layer creation options.
    public func createLayer(_ name: String, geometry: LayerGeometry, fields: [LayerField], options: [String] = []) throws(GDALError) -> VectorLayerWriter {
        let ds = try live()
        CPLErrorReset()
        let layer = GDALLibrary.withStringList(options) {
            GDALDatasetCreateLayer(ds, name, geometry == .none ? nil : wgs84, geometry.ogrType, $0)
        }
        guard let layer else { throw GDALError(file: path, message: GDALLibrary.lastError("layer \(name) cannot be created")) }
        for f in fields {
            let definition = OGR_Fld_Create(f.name, f.ogrType)
            defer { OGR_Fld_Destroy(definition) }
            guard OGR_L_CreateField(layer, definition, 1) == OGRERR_NONE else {
                throw GDALError(file: path, message: GDALLibrary.lastError("field \(f.name) of layer \(name) cannot be created"))
            }
        }
        return try VectorLayerWriter(dataset: self, layer: layer, name: name, geometry: geometry, fields: fields)
    }

    /// The names of the dataset's layers, in order.
    public var layerNames: [String] {
        guard let handle else { return [] }
        return (0..<GDALDatasetGetLayerCount(handle)).compactMap { i in
            GDALDatasetGetLayer(handle, i).flatMap { OGR_L_GetName($0) }.map { String(cString: $0) }
        }
    }

    /// The layer of that name (nil: the first), for reading; `where`: an OGR SQL attribute filter.
    public func reader(layer name: String? = nil, where filter: String? = nil) throws(GDALError) -> VectorLayerReader {
        let ds = try live()
        let layer = name.map { GDALDatasetGetLayerByName(ds, $0) } ?? GDALDatasetGetLayer(ds, 0)
        guard let layer else {
            throw GDALError(file: path, message: name.map { "no layer \($0) (layers: \(layerNames.joined(separator: ", ")))" } ?? "no layer")
        }
        return try VectorLayerReader(dataset: self, layer: layer, filter: filter)
    }

    /// Opens a transaction where the format has them (GeoPackage); a no-op elsewhere.
    public func beginTransaction() throws(GDALError) {
        let ds = try live()
        let err = GDALDatasetStartTransaction(ds, 0)
        guard err == OGRERR_NONE || err == OGRERR_UNSUPPORTED_OPERATION else {
            throw GDALError(file: path, message: GDALLibrary.lastError("cannot start a transaction"))
        }
    }

    public func commitTransaction() throws(GDALError) {
        let ds = try live()
        CPLErrorReset()
        let err = GDALDatasetCommitTransaction(ds)
        guard err == OGRERR_NONE || err == OGRERR_UNSUPPORTED_OPERATION else {
            throw GDALError(file: path, message: GDALLibrary.lastError("cannot commit the transaction"))
        }
    }

    /// Sets a metadata item of the dataset (GeoPackage: the `gpkg_metadata` table).
    public func setMetadata(_ key: String, _ value: String) throws(GDALError) {
        let ds = try live()
        guard GDALSetMetadataItem(ds, key, value, nil) == CE_None else {
            throw GDALError(file: path, message: GDALLibrary.lastError("cannot set metadata \(key)"))
        }
    }

    /// Flushes and closes; a failure while flushing (a full disk) is GDAL's message.
    public func close() throws(GDALError) {
        guard let handle else { return }
        self.handle = nil
        CPLErrorReset()
        GDALClose(handle)
        if GDALLibrary.failed { throw GDALError(file: path, message: GDALLibrary.lastError("closing failed")) }
    }

    /// The GDAL version this process links ("3.6.2").
    public static var gdalVersion: String { GDALLibrary.ensure(); return GDALLibrary.version }
}
