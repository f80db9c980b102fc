/// A feature's `id`: RFC 7946 allows a string or a number.
public enum FeatureID: Hashable, Sendable, CustomStringConvertible {
    case string(String)
    case number(Double)

    public var jsonValue: JSONValue {
        switch self {
        case .string(let s): return .string(s)
        case .number(let n): return .number(n)
        }
    }

    public var description: String {
        switch self {
        case .string(let s): return s
        case .number(let n): return JSONWriter.numberText(n)
        }
    }
}

/// An RFC 7946 Feature: a geometry (or null) with flat properties.
public struct GeoJSONFeature: Hashable, Sendable {
    public var id: FeatureID?
    public var geometry: GeoJSONGeometry?
    public var properties: JSONObject

    public init(id: FeatureID? = nil, geometry: GeoJSONGeometry?, properties: JSONObject = [:]) {
        self.id = id
        self.geometry = geometry
        self.properties = properties
    }

    public init(json: JSONValue, path: String = "") throws(GeoJSONError) {
        guard let obj = json.objectValue else { throw GeoJSONError(at: path, "a feature must be an object, found \(json.kindName)") }
        guard obj["type"]?.stringValue == "Feature" else {
            throw GeoJSONError(at: path, "expected \"type\": \"Feature\"")
        }
        let p = path.isEmpty ? "" : path + "."
        switch obj["id"] {
        case nil, .null?: id = nil
        case .string(let s)?: id = .string(s)
        case .number(let n)?: id = .number(n)
        case let other?: throw GeoJSONError(at: p + "id", "a feature id must be a string or a number, found \(other.kindName)")
        }
        switch obj["geometry"] {
        case nil: throw GeoJSONError(at: path, "a feature needs a \"geometry\" member (null is allowed)")
        case .null?: geometry = nil
        case let g?: geometry = try GeoJSONGeometry(json: g, path: p + "geometry")
        }
        switch obj["properties"] {
        case nil, .null?: properties = [:]
        case .object(let o)?: properties = o
        case let other?: throw GeoJSONError(at: p + "properties", "properties must be an object or null, found \(other.kindName)")
        }
    }

    /// The feature as written: type, id, geometry (normalised to RFC 7946), properties.
    public var jsonValue: JSONValue {
        var obj: JSONObject = ["type": "Feature"]
        if let id { obj["id"] = id.jsonValue }
        obj["geometry"] = geometry?.jsonValue ?? .null
        obj["properties"] = .object(properties)
        return .object(obj)
    }
}

/// An RFC 7946 FeatureCollection.
public struct GeoJSONFeatureCollection: Hashable, Sendable {
    public var features: [GeoJSONFeature]

    public init(features: [GeoJSONFeature] = []) { self.features = features }

    public init(json: JSONValue) throws(GeoJSONError) {
        guard let obj = json.objectValue else { throw GeoJSONError(at: "", "GeoJSON must be an object, found \(json.kindName)") }
        switch obj["type"]?.stringValue {
        case "FeatureCollection"?:
            guard let fs = obj["features"]?.arrayValue else {
                throw GeoJSONError(at: "", "a FeatureCollection needs a \"features\" array")
            }
            var out: [GeoJSONFeature] = []
            out.reserveCapacity(fs.count)
            for (k, f) in fs.enumerated() { out.append(try GeoJSONFeature(json: f, path: "features[\(k)]")) }
            features = out
        case "Feature"?:
            features = [try GeoJSONFeature(json: json)]
        case let t?:
            features = [GeoJSONFeature(geometry: try GeoJSONGeometry(json: json))]
            _ = t
        case nil:
            throw GeoJSONError(at: "", "GeoJSON needs a string member \"type\"")
        }
    }

    /// Reads any GeoJSON text (FeatureCollection, Feature or bare geometry) as a collection.
    public init(text: String) throws(GeoJSONError) {
        let json: JSONValue
        do { json = try JSONReader.parse(text) } catch {
            throw GeoJSONError(at: "line \(error.line), column \(error.column)", error.reason)
        }
        try self.init(json: json)
    }

    public var jsonValue: JSONValue {
        .object(["type": "FeatureCollection", "features": .array(features.map(\.jsonValue))])
    }

    /// RFC 7946 text: one feature per line, so large layers stay diff- and grep-friendly.
    public var text: String {
        var out = "{\"type\":\"FeatureCollection\",\"features\":["
        for (k, f) in features.enumerated() {
            out += k == 0 ? "\n" : ",\n"
            JSONWriter.write(f.jsonValue, into: &out, indent: nil)
        }
        out += "\n]}\n"
        return out
    }

    /// RFC 8142 GeoJSON text sequence: each feature preceded by RS (0x1E) and followed by a newline.
    public var textSequence: String {
        var out = ""
        for f in features {
            out += "\u{1E}"
            JSONWriter.write(f.jsonValue, into: &out, indent: nil)
            out += "\n"
        }
        return out
    }
}

extension GeoJSONFeatureCollection: Codable {
    public init(from decoder: Decoder) throws {
        let v = try JSONValue(from: decoder)
        do { try self.init(json: v) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: Encoder) throws { try jsonValue.encode(to: encoder) }
}
