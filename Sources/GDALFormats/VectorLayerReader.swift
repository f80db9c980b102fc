import CGDAL
import GeoCore
import Geometry

/// Reads the features of one OGR layer as GeoJSON values in WGS 84 lon/lat: properties typed as OGR has them
/// (integers and reals as numbers, dates as YYYY-MM-DD), geometries reprojected from the layer's reference
/// when it has another, curves made linear. Owns the coordinate transformation; the dataset owns the layer.
public final class VectorLayerReader {
    let dataset: VectorDataset
    let layer: OGRLayerH
    private let transform: OGRCoordinateTransformationH?

    init(dataset: VectorDataset, layer: OGRLayerH, filter: String?) throws(GDALError) {
        self.dataset = dataset
        self.layer = layer
        CPLErrorReset()
        if let filter, OGR_L_SetAttributeFilter(layer, filter) != OGRERR_NONE {
            throw GDALError(file: dataset.path, message: "--where \(filter): \(GDALLibrary.lastError("not an OGR SQL expression"))")
        }
        if let source = OGR_L_GetSpatialRef(layer), OSRIsSame(source, dataset.wgs84) == 0 {
            guard let t = OCTNewCoordinateTransformation(source, dataset.wgs84) else {
                throw GDALError(file: dataset.path, message: GDALLibrary.lastError("no transformation from the layer's reference to WGS 84"))
            }
            transform = t
        } else {
            transform = nil
        }
    }

    deinit { if let transform { OCTDestroyCoordinateTransformation(transform) } }

    public var name: String { String(cString: OGR_L_GetName(layer)) }

    /// Whether the layer declares polygons (Polygon, MultiPolygon or their curved kinds).
    public var declaresPolygons: Bool {
        let flat = OGR_GT_Flatten(OGR_L_GetGeomType(layer))
        return [wkbPolygon, wkbMultiPolygon, wkbCurvePolygon, wkbMultiSurface].contains(flat)
    }

    /// Every feature (after the filter), each with "feature N" for messages.
    public func features() throws(GDALError) -> [(feature: GeoJSONFeature, location: String)] {
        CPLErrorReset()
        OGR_L_ResetReading(layer)
        var out: [(GeoJSONFeature, String)] = []
        var n = 0
        while let f = OGR_L_GetNextFeature(layer) {
            defer { OGR_F_Destroy(f) }
            n += 1
            let location = "layer \(name), feature \(n)"
            out.append((GeoJSONFeature(geometry: try geometry(of: f, location), properties: properties(of: f)), location))
        }
        // A filter GDAL accepted but its database refused (GeoPackage), or a read error, ends the loop early.
        if GDALLibrary.failed { throw GDALError(file: dataset.path, message: "layer \(name): \(GDALLibrary.lastError("read failed"))") }
        return out
    }

    private func properties(of f: OGRFeatureH) -> JSONObject {
        var out = JSONObject()
        for i in 0..<OGR_F_GetFieldCount(f) {
            guard let definition = OGR_F_GetFieldDefnRef(f, i) else { continue }
            let key = String(cString: OGR_Fld_GetNameRef(definition))
            guard OGR_F_IsFieldSetAndNotNull(f, i) != 0 else { out[key] = .null; continue }
            switch OGR_Fld_GetType(definition) {
            case OFTInteger, OFTInteger64: out[key] = .number(Double(OGR_F_GetFieldAsInteger64(f, i)))
            case OFTReal: out[key] = .number(OGR_F_GetFieldAsDouble(f, i))
            case OFTDate, OFTDateTime:
                var y: Int32 = 0, m: Int32 = 0, d: Int32 = 0, h: Int32 = 0, mi: Int32 = 0, tz: Int32 = 0
                var s: Float = 0
                OGR_F_GetFieldAsDateTimeEx(f, i, &y, &m, &d, &h, &mi, &s, &tz)
                var text = Self.isoDate(Int(y), Int(m), Int(d))
                // A format without a Date type (FlatGeobuf) keeps a date as midnight: it stays a date.
                if OGR_Fld_GetType(definition) == OFTDateTime, h != 0 || mi != 0 || s != 0 {
                    text += "T" + [Int(h), Int(mi), Int(s)].map { $0 < 10 ? "0\($0)" : "\($0)" }.joined(separator: ":")
                }
                out[key] = .string(text)
            default: out[key] = .string(String(cString: OGR_F_GetFieldAsString(f, i)))
            }
        }
        return out
    }

    static func isoDate(_ y: Int, _ m: Int, _ d: Int) -> String {
        func pad(_ v: Int, _ width: Int) -> String { let s = String(v); return String(repeating: "0", count: max(0, width - s.count)) + s }
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
    }

    private func geometry(of f: OGRFeatureH, _ location: String) throws(GDALError) -> GeoJSONGeometry? {
        guard let g = OGR_F_GetGeometryRef(f), OGR_G_IsEmpty(g) == 0 else { return nil }
        guard let linear = OGR_G_GetLinearGeometry(g, 0, nil) else { return nil }
        defer { OGR_G_DestroyGeometry(linear) }
        OGR_G_FlattenTo2D(linear)
        if let transform, OGR_G_Transform(linear, transform) != OGRERR_NONE {
            throw GDALError(file: dataset.path, message: "\(location): \(GDALLibrary.lastError("cannot be reprojected to WGS 84"))")
        }
        let size = Int(OGR_G_WkbSize(linear))
        var bytes = [UInt8](repeating: 0, count: size)
        guard OGR_G_ExportToWkb(linear, wkbNDR, &bytes) == OGRERR_NONE else {
            throw GDALError(file: dataset.path, message: "\(location): \(GDALLibrary.lastError("geometry cannot be read"))")
        }
        do { return try bytes.withUnsafeBufferPointer { (b) throws(GeometryError) in try WKB.decode(b) } } catch {
            throw GDALError(file: dataset.path, message: "\(location): \(error)")
        }
    }
}
