import GeoCore

/// A plain CSV of places an analyst keeps: header with at least `name, lat, lon`; optional `id, kind,
/// admin1, country, population, geonames_id, alternate_names` (variants separated by `|`).
public enum PlainCSV {
    public static func read(_ path: String) throws(GazetteerError) -> [Place] {
        let text = try InputFile.text(path)
        var it = CSVReader(text: text).makeIterator()
        guard let headerRecord = it.next() else { throw .badInput(file: path, line: 1, message: "empty file") }
        let h = CSVHeader(headerRecord.fields)
        for column in ["name", "lat", "lon"] where h.index(of: column) == nil {
            throw .badInput(file: path, line: headerRecord.line, message: "missing column '\(column)' (need at least name, lat, lon)")
        }
        let stem = GeoNamesTSV.lastComponent(path).split(separator: ".").first.map(String.init) ?? "csv"
        var out: [Place] = []
        var ids: Set<String> = []
        while let r = it.next() {
            guard r.fields.count == h.names.count else {
                throw .badInput(file: path, line: r.line, message: "expected \(h.names.count) fields, found \(r.fields.count)")
            }
            guard let name = h.value("name", in: r) else { throw .badInput(file: path, line: r.line, message: "field 'name' is empty") }
            let c = try InputFile.coordinate(lat: h.value("lat", in: r), lon: h.value("lon", in: r), file: path, line: r.line)
            let population = try InputFile.integer(h.value("population", in: r), field: "population", file: path, line: r.line) ?? 0
            var kind = PlaceKind.populated(population: population)
            if let k = h.value("kind", in: r) {
                guard let parsed = PlaceKind(rawValue: k.lowercased()) else {
                    throw .badInput(file: path, line: r.line, message: "field 'kind': '\(k)' is not one of \(PlaceKind.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                kind = parsed
            }
            let geonamesID = try InputFile.integer(h.value("geonames_id", in: r), field: "geonames_id", file: path, line: r.line, range: InputFile.idRange)
            let id = h.value("id", in: r).map { $0.contains(":") ? $0 : "csv:\($0)" } ?? "csv:\(stem):\(NameFolding.fold(name).replacingOccurrences(of: " ", with: "-"))"
            guard ids.insert(id).inserted else { throw .badInput(file: path, line: r.line, message: "duplicate id '\(id)'") }
            var names = [PlaceName(name, origin: .primary)]
            for alt in (h.value("alternate_names", in: r) ?? "").split(separator: "|") {
                let a = alt.trimmingCharacters(in: .whitespaces)
                if !a.isEmpty, a != name { names.append(PlaceName(a, origin: .alternate)) }
            }
            let country = h.value("country", in: r)
            if let cc = country, cc.count != 2 || !cc.allSatisfy(\.isLetter) {
                throw .badInput(file: path, line: r.line, message: "field 'country': '\(cc)' is not an ISO 3166-1 alpha-2 code")
            }
            out.append(Place(id: id, name: name, coordinate: c, kind: kind, admin1: h.value("admin1", in: r),
                             country: country?.uppercased(), population: population, geonamesID: geonamesID,
                             source: "csv:\(GeoNamesTSV.lastComponent(path))", names: names))
        }
        return out
    }
}
