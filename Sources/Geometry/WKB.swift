import Foundation
import GeoCore

/// Well-Known Binary (ISO/OGC, 2-D) for `GeoJSONGeometry`: the bridge between Swift values and GEOS or GDAL.
public enum WKB {
    private enum Code: UInt32 {
        case point = 1, lineString, polygon, multiPoint, multiLineString, multiPolygon, geometryCollection
    }

    public static func encode(_ g: GeoJSONGeometry) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(16 + 16 * g.allCoordinates.count)
        write(g, into: &out)
        return out
    }

    private static func write(_ g: GeoJSONGeometry, into out: inout [UInt8]) {
        func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        func f64(_ v: Double) { withUnsafeBytes(of: v.bitPattern.littleEndian) { out.append(contentsOf: $0) } }
        func header(_ c: Code) { out.append(1); u32(c.rawValue) }
        func points(_ cs: [Coordinate]) { u32(UInt32(cs.count)); for c in cs { f64(c.longitude); f64(c.latitude) } }
        func rings(_ rs: [[Coordinate]]) { u32(UInt32(rs.count)); for r in rs { points(r) } }
        switch g {
        case .point(let c): header(.point); f64(c.longitude); f64(c.latitude)
        case .lineString(let cs): header(.lineString); points(cs)
        case .polygon(let rs): header(.polygon); rings(rs)
        case .multiPoint(let cs):
            header(.multiPoint); u32(UInt32(cs.count))
            for c in cs { write(.point(c), into: &out) }
        case .multiLineString(let ls):
            header(.multiLineString); u32(UInt32(ls.count))
            for l in ls { write(.lineString(l), into: &out) }
        case .multiPolygon(let ps):
            header(.multiPolygon); u32(UInt32(ps.count))
            for p in ps { write(.polygon(p), into: &out) }
        case .geometryCollection(let gs):
            header(.geometryCollection); u32(UInt32(gs.count))
            for x in gs { write(x, into: &out) }
        }
    }

    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>) throws(GeometryError) -> GeoJSONGeometry {
        var r = Reader(bytes: bytes)
        return try r.geometry(depth: 0)
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var i = 0
        var little = true

        mutating func need(_ n: Int) throws(GeometryError) {
            if i + n > bytes.count { throw .invalidWKB("truncated at byte \(i)") }
        }

        mutating func u32() throws(GeometryError) -> UInt32 {
            try need(4)
            var v: UInt32 = 0
            for k in 0..<4 { v |= UInt32(bytes[i + k]) << (8 * (little ? k : 3 - k)) }
            i += 4
            return v
        }

        mutating func f64() throws(GeometryError) -> Double {
            try need(8)
            var v: UInt64 = 0
            for k in 0..<8 { v |= UInt64(bytes[i + k]) << (8 * (little ? k : 7 - k)) }
            i += 8
            return Double(bitPattern: v)
        }

        mutating func coordinate() throws(GeometryError) -> Coordinate {
            let x = try f64(), y = try f64()
            return Coordinate(longitude: x, latitude: y)
        }

        mutating func coordinates() throws(GeometryError) -> [Coordinate] {
            let n = Int(try u32())
            try need(n * 16)
            var out: [Coordinate] = []
            out.reserveCapacity(n)
            for _ in 0..<n { out.append(try coordinate()) }
            return out
        }

        mutating func geometry(depth: Int) throws(GeometryError) -> GeoJSONGeometry {
            guard depth < 64 else { throw .invalidWKB("nesting too deep") }
            try need(5)
            little = bytes[i] == 1
            i += 1
            let raw = try u32()
            guard raw < 1000, let code = Code(rawValue: raw) else {
                throw .invalidWKB("geometry type \(raw) is not 2-D ISO WKB")
            }
            switch code {
            case .point:
                let c = try coordinate()
                // GEOS writes an empty point as NaN coordinates.
                return c.longitude.isNaN ? .multiPoint([]) : .point(c)
            case .lineString: return .lineString(try coordinates())
            case .polygon:
                let n = Int(try u32())
                var rings: [[Coordinate]] = []
                for _ in 0..<n { rings.append(try coordinates()) }
                return .polygon(rings)
            case .multiPoint, .multiLineString, .multiPolygon, .geometryCollection:
                let n = Int(try u32())
                var parts: [GeoJSONGeometry] = []
                for _ in 0..<n { parts.append(try geometry(depth: depth + 1)) }
                switch code {
                case .multiPoint: return .multiPoint(parts.compactMap { if case .point(let c) = $0 { return c }; return nil })
                case .multiLineString: return .multiLineString(parts.compactMap { if case .lineString(let l) = $0 { return l }; return nil })
                case .multiPolygon: return .multiPolygon(parts.compactMap { if case .polygon(let p) = $0 { return p }; return nil })
                default: return .geometryCollection(parts)
                }
            }
        }
    }
}
