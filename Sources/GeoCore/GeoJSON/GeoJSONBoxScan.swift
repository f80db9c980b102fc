import Foundation

extension GeoJSONGeometry {
    /// The box of the positions of a Polygon or MultiPolygon written as GeoJSON text, read without parsing
    /// the geometry: each position's first two numbers, in order, as `boundingBox` of the parsed geometry
    /// gives for a valid one (the same conversion of each number: `strtod`, correctly rounded). Nil when the
    /// text is not a bare object of "type" and "coordinates" (so that every number in it is a coordinate).
    public static func boundingBox(scanning text: String) -> BoundingBox? {
        var text = text
        return text.withUTF8 { b -> BoundingBox? in
            let prefix = b.starts(with: Self.polygonPrefix) ? Self.polygonPrefix.count
                : b.starts(with: Self.multiPolygonPrefix) ? Self.multiPolygonPrefix.count : nil
            guard let prefix else { return nil }
            var w = Double.infinity, e = -Double.infinity, s = Double.infinity, n = -Double.infinity
            var depth = 0, index = 0, lon = 0.0, positions = 0
            var i = prefix
            return withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { number -> BoundingBox? in
                while i < b.count {
                    switch b[i] {
                    case 0x5B: depth += 1; index = 0; i += 1                      // [
                    case 0x5D:                                                   // ]
                        depth -= 1; i += 1
                        // The coordinates end: only the object's brace may follow.
                        if depth == 0 { return i == b.count - 1 && b[i] == 0x7D && positions > 0 ? BoundingBox(west: w, south: s, east: e, north: n) : nil }
                    case 0x2C: index += 1; i += 1                                 // ,
                    case 0x20, 0x0A, 0x0D, 0x09: i += 1
                    default:
                        var j = i
                        while j < b.count, j - i < 63, JSONBytes.isNumberByte(b[j]) { j += 1 }
                        guard j > i, j - i < 63, depth > 0 else { return nil }
                        for k in i..<j { number[k - i] = CChar(bitPattern: b[k]) }
                        number[j - i] = 0
                        var end: UnsafeMutablePointer<CChar>?
                        let v = strtod(number.baseAddress!, &end)
                        guard end == number.baseAddress! + (j - i) else { return nil }
                        if index == 0 {
                            lon = v
                        } else if index == 1 {
                            w = min(w, lon); e = max(e, lon); s = min(s, v); n = max(n, v)
                            positions += 1
                        }
                        i = j
                    }
                }
                return nil
            }
        }
    }

    static let polygonPrefix = Array(#"{"type":"Polygon","coordinates":"#.utf8)
    static let multiPolygonPrefix = Array(#"{"type":"MultiPolygon","coordinates":"#.utf8)
}
