import CGDAL
import GeoCore
import Geometry

/// Writes features into one layer of a `VectorDataset`. Owns the one OGR feature it fills and writes again
/// for every record (no allocation per feature), freed in `deinit`; the layer itself belongs to the dataset,
/// which this writer keeps alive.
public final class VectorLayerWriter {
    public let name: String
    public let fields: [LayerField]
    public let dataset: VectorDataset
    let layer: OGRLayerH
    let geometryType: LayerGeometry
    private let feature: OGRFeatureH
    /// Where each field is in the layer's definition (drivers may put fields of their own first: KML's Name).
    private let indexes: [Int32]
    public private(set) var featureCount = 0

    init(dataset: VectorDataset, layer: OGRLayerH, name: String, geometry: LayerGeometry, fields: [LayerField]) throws(GDALError) {
        let definition = OGR_L_GetLayerDefn(layer)
        var indexes: [Int32] = []
        for field in fields {
            let i = OGR_FD_GetFieldIndex(definition, field.name)
            guard i >= 0 else { throw GDALError(file: dataset.path, message: "the \(name) layer has no field \(field.name) after creating it") }
            indexes.append(i)
        }
        guard let f = OGR_F_Create(definition) else { throw GDALError(file: dataset.path, message: "cannot create a feature") }
        self.dataset = dataset; self.layer = layer; self.name = name; self.geometryType = geometry; self.fields = fields
        self.indexes = indexes
        feature = f
    }

    deinit { OGR_F_Destroy(feature) }

    /// Sets a metadata item of the layer (GeoPackage: `gpkg_metadata`, shown by `ogrinfo` and QGIS).
    public func setMetadata(_ key: String, _ value: String) throws(GDALError) {
        guard GDALSetMetadataItem(layer, key, value, nil) == CE_None else {
            throw GDALError(file: dataset.path, message: GDALLibrary.lastError("cannot set metadata \(key) on \(name)"))
        }
    }

    /// Writes one feature: its geometry (promoted to the layer's multi type) and a value per field, in order.
    public func write(_ geometry: GeoJSONGeometry?, _ values: [FieldValue]) throws(GDALError) {
        precondition(values.count == fields.count, "one value per field")
        for (i, v) in zip(indexes, values) { set(i, v) }
        OGR_F_SetGeometryDirectly(feature, try geometry.map(ogrGeometry))
        OGR_F_SetFID(feature, -1)
        guard OGR_L_CreateFeature(layer, feature) == OGRERR_NONE else {
            throw GDALError(file: dataset.path, message: GDALLibrary.lastError("feature \(featureCount + 1) of \(name) cannot be written"))
        }
        featureCount += 1
    }

    private func set(_ i: Int32, _ value: FieldValue) {
        switch value {
        case .null: OGR_F_SetFieldNull(feature, i)
        case .text(let s): OGR_F_SetFieldString(feature, i, s)
        case .integer(let n): OGR_F_SetFieldInteger64(feature, i, GIntBig(n))
        case .real(let x): OGR_F_SetFieldDouble(feature, i, x)
        case .date(let y, let m, let d): OGR_F_SetFieldDateTime(feature, i, Int32(y), Int32(m), Int32(d), 0, 0, 0, 0)
        }
    }

    /// An OGR geometry the feature takes over: points built directly, the rest through WKB.
    private func ogrGeometry(_ g: GeoJSONGeometry) throws(GDALError) -> OGRGeometryH {
        if case .point(let c) = g, let p = OGR_G_CreateGeometry(wkbPoint) {
            OGR_G_SetPoint_2D(p, 0, c.longitude, c.latitude)
            return p
        }
        var shaped = g
        if geometryType == .multiPolygon, case .polygon(let rings) = g { shaped = .multiPolygon([rings]) }
        let wkb = WKB.encode(shaped)
        var out: OGRGeometryH?
        let err = wkb.withUnsafeBufferPointer { OGR_G_CreateFromWkb($0.baseAddress, dataset.wgs84, &out, Int32(clamping: $0.count)) }
        guard err == OGRERR_NONE, let out else {
            throw GDALError(file: dataset.path, message: GDALLibrary.lastError("a \(g.typeName) of \(name) cannot be converted"))
        }
        return out
    }
}
