import CGDAL

/// A field of a layer as geomap declares it: the name and the type OGR stores (Date is a real date column,
/// which QGIS's temporal controller reads without set-up).
public struct LayerField: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case text, integer, real, date }

    public let name: String
    public let kind: Kind

    public init(_ name: String, _ kind: Kind) { self.name = name; self.kind = kind }

    var ogrType: OGRFieldType {
        switch kind {
        case .text: return OFTString
        case .integer: return OFTInteger
        case .real: return OFTReal
        case .date: return OFTDate
        }
    }
}

/// One field's value in a feature being written.
public enum FieldValue: Sendable, Equatable {
    case null
    case text(String)
    case integer(Int)
    case real(Double)
    case date(year: Int, month: Int, day: Int)
}

/// The geometry type a layer declares.
public enum LayerGeometry: Sendable {
    case point, multiPolygon, none

    var ogrType: OGRwkbGeometryType {
        switch self {
        case .point: return wkbPoint
        case .multiPolygon: return wkbMultiPolygon
        case .none: return wkbNone
        }
    }
}
