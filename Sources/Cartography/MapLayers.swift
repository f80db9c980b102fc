import Foundation
import GeoCore
import Incidents

/// What a map draws: the four layers of `geomap build`, as GeoJSON features.
public struct MapLayers: Sendable {
    public var incidents: [GeoJSONFeature] = []
    public var zones: [GeoJSONFeature] = []
    public var places: [GeoJSONFeature] = []
    public var uncertainty: [GeoJSONFeature] = []

    public init() {}

    public enum Layer: String, CaseIterable, Sendable { case incidents, control_zones, places, uncertainty }

    /// Adds a layer file; which layer it is comes from its name (`incidents.geojson`…), else from its
    /// features (points with `event_date`, polygons with `actor`, polygons with `expression`, points with `name`).
    public mutating func add(file path: String) throws(MapError) {
        let features: [GeoJSONFeature]
        do { features = try GeoJSONFile.readFeatures(path).map(\.feature) } catch { throw .badInput(path, "\(error)") }
        let base = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let layer = Layer(rawValue: base) ?? Self.guess(features)
        guard let layer else { throw .badInput(path, "not a geomap layer (expected incidents, control_zones, places or uncertainty features)") }
        add(features, as: layer)
    }

    public mutating func add(_ features: [GeoJSONFeature], as layer: Layer) {
        switch layer {
        case .incidents: incidents += features
        case .control_zones: zones += features
        case .places: places += features
        case .uncertainty: uncertainty += features
        }
    }

    /// Every layer file in a folder written by `geomap build`.
    public mutating func add(folder: String) throws(MapError) {
        let files = Self.layerFiles(in: folder, extensions: ["geojson", "geojsons"])
        if files.isEmpty { throw .badInput(folder, "no layer files (incidents.geojson, control_zones.geojson, …) in this folder") }
        for p in files { try add(file: p) }
    }

    /// The files of a folder named as geomap's layers with one of `extensions` (`incidents.geojson`…), in
    /// layer order.
    public static func layerFiles(in folder: String, extensions: [String]) -> [String] {
        Layer.allCases.flatMap { layer in
            extensions.map { (folder as NSString).appendingPathComponent("\(layer.rawValue).\($0)") }
                .filter { FileManager.default.fileExists(atPath: $0) }
        }
    }

    /// Which layer features are, from the first: points with `event_date`, polygons with `actor`, polygons with
    /// `expression`, points with `name`.
    public static func guess(_ features: [GeoJSONFeature]) -> Layer? {
        guard let f = features.first else { return nil }
        let polygonal = !(f.geometry?.polygons.isEmpty ?? true)
        if case .point? = f.geometry {
            if f.properties[IncidentColumn.eventDate.name] != nil { return .incidents }
            if f.properties["name"] != nil { return .places }
        }
        if polygonal, f.properties["actor"] != nil { return .control_zones }
        if polygonal, f.properties["expression"] != nil { return .uncertainty }
        return nil
    }

    /// Keeps incidents dated on or before `day` (ISO YYYY-MM-DD) and undated ones.
    public mutating func keepIncidents(onOrBefore day: String) {
        incidents.removeAll { ($0.properties[IncidentColumn.eventDate.name]?.stringValue).map { $0 > day } ?? false }
    }

    /// The actors holding zones (contested areas are no actor's), sorted: the legend's and the colours' order.
    public var zoneActors: [String] {
        Array(Set(zones.filter { $0.properties["status"]?.stringValue != "contested" }.compactMap { $0.properties["actor"]?.stringValue })).sorted()
    }

    /// The incidents' event types, sorted.
    public var eventTypes: [String] {
        Array(Set(incidents.compactMap { $0.properties[IncidentColumn.eventType.name]?.stringValue })).sorted()
    }

    public var allCoordinates: [Coordinate] {
        (incidents + zones + places + uncertainty).compactMap(\.geometry).flatMap(\.allCoordinates)
    }
}

public enum MapError: Error, Equatable, CustomStringConvertible {
    case badInput(String, String)
    case nothingToDraw
    case rasterizer(String)
    case projection(String)

    public var description: String {
        switch self {
        case .badInput(let p, let why): return "\(p): \(why)"
        case .nothingToDraw: return "nothing to draw: the inputs have no features with coordinates (give --extent W,S,E,N for a basemap alone)"
        case .rasterizer(let why): return "cannot write the PNG: \(why)"
        case .projection(let why): return "map projection: \(why)"
        }
    }
}
