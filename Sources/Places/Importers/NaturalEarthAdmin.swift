import Foundation
import GeoCore
import Geometry

/// Natural Earth 10m countries and first-level divisions (public domain), from the `world_map.gpkg` of
/// Debian's qgis-common, converted to GeoJSON by `ogr2ogr` (scripts/fetch-gazetteer-sources.sh).
public enum NaturalEarthAdmin {
    public static let source = GazetteerSource(
        name: "natural-earth", licence: "public domain (Natural Earth, https://www.naturalearthdata.com)",
        detail: "Natural Earth 10m admin-0 countries and admin-1 states/provinces v4.1.0, via Debian qgis-common world_map.gpkg")

    /// A first-level division with its polygon.
    public struct Region {
        public var place: Place
        public var shape: GeoJSONGeometry
        /// FIPS 10-4 code ("SY04"), which GeoNames uses as admin1 code in most countries.
        public var fips: String?
    }

    /// Prefixes of Natural Earth's `gn_name` that name the kind of division, not the division.
    static let adminPrefixes = ["muhafazat ", "province of ", "provincia de ", "provincia di ", "departement de ",
                                "département de ", "wilayat ", "ostan-e ", "region de ", "région de ", "state of "]

    public static func readRegions(_ path: String) throws(GazetteerError) -> [Region] {
        let fc: GeoJSONFeatureCollection
        do { fc = try GeoJSONFile.read(path) } catch { throw .badInput(file: path, line: 0, message: error.description) }
        let engine: GeometryEngine
        do { engine = try GeometryEngine() } catch { throw .database("GEOS: \(error)") }
        var used: Set<String> = []
        var out: [Region] = []
        for (k, f) in fc.features.enumerated() {
            guard let shape = f.geometry, let name = f.properties["name"]?.stringValue,
                  let iso = f.properties["iso_a2"]?.stringValue, iso.count == 2
            else { continue }   // Natural Earth marks a few areas without a country (-99): not divisions
            var variants = Gazetteer.adminVariants(name)
            for field in ["woe_name", "gn_name"] {
                guard let v = f.properties[field]?.stringValue, !v.isEmpty else { continue }
                variants += Gazetteer.adminVariants(v)
                let lower = v.lowercased()
                if let prefix = adminPrefixes.first(where: { lower.hasPrefix($0) }) { variants.append(String(v.dropFirst(prefix.count))) }
            }
            let display = variants.count > 1 && name.contains("(") ? variants[1] : name
            var names = [PlaceName(display, origin: .primary)]
            for v in variants where v != display && !names.contains(where: { $0.text == v }) {
                names.append(PlaceName(v, origin: .alternate))
            }
            let slug = NameFolding.fold(display).replacingOccurrences(of: " ", with: "-")
            var id = "ne:admin1:\(iso):\(slug.isEmpty ? String(k) : slug)"
            if used.contains(id) { id += "-\(k)" }
            used.insert(id)
            let point: Coordinate
            do { point = try engine.pointOnSurface(shape) } catch { continue }
            let place = Place(id: id, name: display, coordinate: point, kind: .region, featureCode: "ADM1",
                              admin1: display, country: iso, source: source.name, names: names)
            out.append(Region(place: place, shape: shape, fips: f.properties["fips"]?.stringValue))
        }
        return out
    }

    /// Country polygons by ISO code (Natural Earth `ISO_A2`; its -99 entries matched by name instead).
    public static func readCountryShapes(_ path: String) throws(GazetteerError) -> (byISO: [String: GeoJSONGeometry], byName: [String: GeoJSONGeometry]) {
        let fc: GeoJSONFeatureCollection
        do { fc = try GeoJSONFile.read(path) } catch { throw .badInput(file: path, line: 0, message: error.description) }
        var byISO: [String: GeoJSONGeometry] = [:], byName: [String: GeoJSONGeometry] = [:]
        for f in fc.features {
            guard let g = f.geometry else { continue }
            if let iso = f.properties["ISO_A2"]?.stringValue, iso.count == 2 { byISO[iso] = g }
            if let name = f.properties["NAME"]?.stringValue { byName[NameFolding.fold(name)] = g }
        }
        return (byISO, byName)
    }
}
