import GeoCore

/// A GeoNames dump in its standard tab-separated form (`SY.txt`, `cities500.txt`, `allCountries.txt`:
/// 19 columns, https://download.geonames.org/export/dump/readme.txt), optionally with `alternateNames.txt`.
public enum GeoNamesTSV {
    /// alternateNames "languages" that are codes or links, not names.
    static let nonNameLanguages: Set<String> = ["link", "wkdt", "post", "iata", "icao", "faac", "fr_1793", "abbr", "unlc", "tcid"]

    public static func read(_ path: String, alternateNames: String? = nil) throws(GazetteerError) -> [Place] {
        let text = try InputFile.text(path)
        var places: [Place] = []
        var byGeonamesID: [Int: Int] = [:]
        var line = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            line += 1
            let row = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if row.isEmpty || row.hasPrefix("#") { continue }
            let f = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count == 19 else {
                throw .badInput(file: path, line: line, message: "expected 19 tab-separated GeoNames columns, found \(f.count)")
            }
            guard let id = Int(f[0]) else { throw .badInput(file: path, line: line, message: "field 'geonameid': '\(f[0])' is not a whole number") }
            guard !f[1].isEmpty else { throw .badInput(file: path, line: line, message: "field 'name' is empty") }
            let c = try InputFile.coordinate(lat: f[4], lon: f[5], file: path, line: line, latField: "latitude", lonField: "longitude")
            let population = try InputFile.integer(f[14], field: "population", file: path, line: line) ?? 0
            var names = [PlaceName(f[1], origin: .primary)]
            if !f[2].isEmpty, f[2] != f[1] { names.append(PlaceName(f[2], origin: .alternate)) }
            for alt in f[3].split(separator: ",") where !alt.isEmpty && alt != f[1] {
                names.append(PlaceName(String(alt), origin: .alternate))
            }
            byGeonamesID[id] = places.count
            places.append(Place(id: "geonames:\(id)", name: f[1], coordinate: c,
                                kind: kind(featureClass: f[6], code: f[7], population: population),
                                featureCode: f[7].isEmpty ? nil : f[7], country: f[8].isEmpty ? nil : f[8],
                                population: population, geonamesID: id, source: "geonames:\(lastComponent(path))", names: names))
        }
        if let alternateNames {
            let alt = try InputFile.text(alternateNames)
            var line = 0
            for raw in alt.split(separator: "\n", omittingEmptySubsequences: false) {
                line += 1
                if raw.isEmpty { continue }
                let f = raw.split(separator: "\t", omittingEmptySubsequences: false)
                guard f.count >= 4, let id = Int(f[1]) else {
                    throw .badInput(file: alternateNames, line: line, message: "expected alternateNameId, geonameid, isolanguage, name")
                }
                guard let k = byGeonamesID[id], !nonNameLanguages.contains(String(f[2])), !f[3].isEmpty else { continue }
                let name = String(f[3])
                if !places[k].names.contains(where: { $0.text == name }) {
                    places[k].names.append(PlaceName(name, origin: .alternate, language: f[2].isEmpty ? nil : String(f[2])))
                }
            }
        }
        return places
    }

    static func kind(featureClass: String, code: String, population: Int) -> PlaceKind {
        switch (featureClass, code) {
        case ("A", let c) where c.hasPrefix("PCL"): return .country
        case ("A", "ADM1"), ("A", "ADM1H"): return .region
        case ("A", let c) where c.hasPrefix("ADM"): return .district
        case ("P", "PPLX"): return .neighbourhood
        case ("P", _): return .populated(population: population)
        default: return .locality
        }
    }

    static func lastComponent(_ path: String) -> String {
        String(path.split(separator: "/").last ?? Substring(path))
    }
}
