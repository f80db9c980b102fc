import GeoCore
import Geometry

/// Gives populated places their first-level division: the Natural Earth polygon of their country that holds
/// the point (GEOS prepared geometries), else the division whose FIPS code matches the place's GeoNames admin1
/// code (GeoNames uses FIPS 10-4 for most countries), else none.
struct AdminAssigner {
    private let engine: GeometryEngine
    private var byCountry: [String: [(name: String, box: BoundingBox, prepared: PreparedGeometry)]] = [:]
    private var byFIPS: [String: String] = [:]

    init(regions: [NaturalEarthAdmin.Region]) throws(GazetteerError) {
        do { engine = try GeometryEngine() } catch { throw .database("GEOS: \(error)") }
        for r in regions {
            guard let cc = r.place.country, let box = r.shape.boundingBox else { continue }
            do {
                byCountry[cc, default: []].append((r.place.name, box, try engine.prepare(r.shape)))
            } catch { continue }
            if let f = r.fips, !f.isEmpty, byFIPS[f] == nil { byFIPS[f] = r.place.name }
        }
    }

    /// The division's name, or nil.
    func admin1(for c: Coordinate, country: String?, countryFIPS: String?, geonamesAdmin1: String?) -> String? {
        if let cc = country, let regions = byCountry[cc] {
            for r in regions where r.box.contains(c) && r.prepared.covers(c) { return r.name }
        }
        if let fips = countryFIPS, let code = geonamesAdmin1, !code.isEmpty, let name = byFIPS[fips + code] { return name }
        return nil
    }
}
