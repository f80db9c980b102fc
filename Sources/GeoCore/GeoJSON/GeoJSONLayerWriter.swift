/// Writes one GeoJSON layer feature by feature, in constant memory, atomically: an RFC 7946
/// FeatureCollection (one feature per line) or an RFC 8142 text sequence. Nothing replaces the old file
/// until `commit()`; a writer dropped before that leaves the old file as it was.
public final class GeoJSONLayerWriter {
    public enum Layout: Sendable { case featureCollection, textSequence }

    public let layout: Layout
    public var path: String { file.path }
    public private(set) var featureCount = 0
    let file: AtomicFileWriter

    public init(path: String, layout: Layout) throws(AtomicFileError) {
        self.layout = layout
        file = try AtomicFileWriter(path: path)
        if layout == .featureCollection { try file.append("{\"type\":\"FeatureCollection\",\"features\":[") }
    }

    /// Any feature; its geometry is normalised to RFC 7946 (winding, antimeridian, 6 decimals) first.
    public func write(_ feature: GeoJSONFeature) throws(AtomicFileError) {
        try file.append { out in
            opening(&out)
            JSONBytes.appendValue(feature.jsonValue, to: &out)
            closing(&out)
        }
    }

    /// A point feature whose properties `fill` writes in order; the point is rounded to 6 decimals.
    public func writePoint(id: String?, at point: Coordinate, properties fill: (inout FeatureProperties) -> Void) throws(AtomicFileError) {
        try file.append { out in
            opening(&out)
            out.append("{\"type\":\"Feature\",")
            if let id {
                out.append("\"id\":")
                JSONBytes.appendString(id, to: &out)
                out.append(0x2C)
            }
            out.append("\"geometry\":{\"type\":\"Point\",\"coordinates\":[")
            JSONBytes.appendDecimal(point.longitude, maxDecimals: 6, to: &out)
            out.append(0x2C)
            JSONBytes.appendDecimal(point.latitude, maxDecimals: 6, to: &out)
            out.append("]},\"properties\":{")
            withUnsafeMutablePointer(to: &out) { buffer in
                var properties = FeatureProperties(buffer)
                fill(&properties)
            }
            out.append("}}")
            closing(&out)
        }
    }

    private func opening(_ out: inout OutputBuffer) {
        switch layout {
        case .featureCollection: if featureCount == 0 { out.append(0x0A) } else { out.append(",\n" as StaticString) }
        case .textSequence: out.append(0x1E)
        }
        featureCount += 1
    }

    private func closing(_ out: inout OutputBuffer) {
        if layout == .textSequence { out.append(0x0A) }
    }

    /// Closes the collection and renames the file into place.
    public func commit() throws(AtomicFileError) {
        if layout == .featureCollection { try file.append("\n]}\n") }
        try file.commit()
    }
}

/// The properties of one feature, written in the order given straight into the layer's buffer (so only
/// valid inside the `writePoint` closure); nil values are written as JSON null.
public struct FeatureProperties {
    private let out: UnsafeMutablePointer<OutputBuffer>
    private var first = true

    init(_ out: UnsafeMutablePointer<OutputBuffer>) { self.out = out }

    @inline(__always)
    private mutating func key(_ name: StaticString) {
        out.pointee.append(first ? "\"" : ",\"")
        first = false
        out.pointee.append(name)
        out.pointee.append("\":")
    }

    public mutating func string(_ name: StaticString, _ value: String?) {
        key(name)
        if let value { JSONBytes.appendString(value, to: &out.pointee) } else { out.pointee.append("null") }
    }

    public mutating func integer(_ name: StaticString, _ value: Int?) {
        key(name)
        if let value { JSONBytes.appendInteger(value, to: &out.pointee) } else { out.pointee.append("null") }
    }

    /// A number rounded to at most `decimals` places.
    public mutating func number(_ name: StaticString, _ value: Double?, decimals: Int) {
        key(name)
        if let value, value.isFinite { JSONBytes.appendDecimal(value, maxDecimals: decimals, to: &out.pointee) } else { out.pointee.append("null") }
    }
}
