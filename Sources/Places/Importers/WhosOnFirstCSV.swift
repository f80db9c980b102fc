import GeoCore

/// Who's On First records flattened to CSV as in `../shared/data/whosonfirst-sy/wof_sy_places.csv`:
/// `wof_id, name, placetype, lat, lon, geonames_id, population, region, county, region_id, county_id,
/// is_current, geom_source, names`, where `names` is `variant:lang1,lang2|variant:lang…`.
public enum WhosOnFirstCSV {
    public static let licence = "Who's On First (https://whosonfirst.org/docs/licenses/); names and points largely from GeoNames, CC BY 4.0"

    public struct Result {
        public var places: [Place]
        /// Records WOF marks as superseded (`is_current` = 0), left out and counted.
        public var superseded: Int
        /// GeoNames id of the file's country record, to find its ISO code when the file has no country column.
        public var countryGeonamesID: Int?
    }

    public static func read(_ path: String, country: String?) throws(GazetteerError) -> Result {
        let text = try InputFile.text(path)
        var it = CSVReader(text: text).makeIterator()
        guard let headerRecord = it.next() else { throw .badInput(file: path, line: 1, message: "empty file") }
        let h = CSVHeader(headerRecord.fields)
        for column in ["wof_id", "name", "placetype", "lat", "lon", "names"] where h.index(of: column) == nil {
            throw .badInput(file: path, line: headerRecord.line, message: "missing column '\(column)' (not a Who's On First CSV?)")
        }
        var result = Result(places: [], superseded: 0, countryGeonamesID: nil)
        while let r = it.next() {
            guard r.fields.count == h.names.count else {
                throw .badInput(file: path, line: r.line, message: "expected \(h.names.count) fields, found \(r.fields.count)")
            }
            guard let wofID = try InputFile.integer(h.value("wof_id", in: r), field: "wof_id", file: path, line: r.line, range: InputFile.idRange) else {
                throw .badInput(file: path, line: r.line, message: "field 'wof_id' is empty")
            }
            guard let name = h.value("name", in: r) else { throw .badInput(file: path, line: r.line, message: "field 'name' is empty") }
            let c = try InputFile.coordinate(lat: h.value("lat", in: r), lon: h.value("lon", in: r), file: path, line: r.line)
            if h.value("is_current", in: r) == "0" { result.superseded += 1; continue }
            let population = try InputFile.integer(h.value("population", in: r), field: "population", file: path, line: r.line) ?? 0
            let geonamesID = try InputFile.integer(h.value("geonames_id", in: r), field: "geonames_id", file: path, line: r.line, range: InputFile.idRange)
                .flatMap { $0 > 0 ? $0 : nil }
            let placetype = h.value("placetype", in: r) ?? ""
            let kind: PlaceKind
            switch placetype {
            case "country": kind = .country; result.countryGeonamesID = geonamesID
            case "region", "macroregion": kind = .region
            case "county", "localadmin": kind = .district
            case "locality", "borough": kind = .populated(population: population)
            case "neighbourhood", "microhood", "macrohood": kind = .neighbourhood
            default: kind = .locality
            }
            var names = [PlaceName(name, origin: .primary)]
            for (variant, lang) in try parseNames(h.value("names", in: r) ?? "", file: path, line: r.line)
            where variant != name && !names.contains(where: { $0.text == variant }) {
                names.append(PlaceName(variant, origin: .alternate, language: lang))
            }
            result.places.append(Place(
                id: "wof:\(wofID)", name: name, coordinate: c, kind: kind, admin1: kind == .region ? name : h.value("region", in: r),
                country: country, population: population, geonamesID: geonamesID, source: "whosonfirst", names: names))
        }
        return result
    }

    /// `Ram Hamdan:pol,vie|Râm Hamdâne:und` → [("Ram Hamdan", "pol"), ("Râm Hamdâne", nil)].
    static func parseNames(_ field: String, file: String, line: Int) throws(GazetteerError) -> [(String, String?)] {
        guard !field.isEmpty else { return [] }
        var out: [(String, String?)] = []
        for item in field.split(separator: "|") {
            guard let colon = item.lastIndex(of: ":") else {
                throw .badInput(file: file, line: line, message: "field 'names': '\(item)' has no ':language' part")
            }
            let variant = item[..<colon].trimmingCharacters(in: .whitespaces)
            let lang = item[item.index(after: colon)...].split(separator: ",").first.map(String.init)
            if !variant.isEmpty { out.append((variant, lang == "und" ? nil : lang)) }
        }
        return out
    }
}
