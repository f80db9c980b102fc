import GeoCore

/// Named places that are not settlements, as in `../shared/data/syria-features/features.csv`:
/// `id, name, names, kind, lat, lon, admin1, parent, source, licence, note` (`names` separated by `|`; kinds
/// `mountain, region, dam, lake, river, airbase, airport, base, prison, border_crossing, oil_field,
/// neighbourhood, site`, where the file's `region`, a named area that is no administrative unit, is `area`).
///
/// Each name that carries its kind's generic word ("Tabqa Dam", "Jabal Bishri") also gives the name without
/// it as an alternate ("Tabqa"), so "barrage de Tabqa" and "the Tabqa dam" reach the feature: the text's
/// generic word then steers the reading to it (`FeatureWords`); the bare name alone reads as a settlement of
/// that name when there is one (see the geoparser's disambiguation).
public enum FeaturesCSV {
    public static let licence = "CC BY-SA 4.0: contains information from Wikipedia (https://www.wikipedia.org), © Wikipedia contributors; each record's source page is in its source field"

    public static func read(_ path: String, country: String, words: FeatureWords = .standard) throws(GazetteerError) -> [Place] {
        let text = try InputFile.text(path)
        var it = CSVReader(text: text).makeIterator()
        guard let headerRecord = it.next() else { throw .badInput(file: path, line: 1, message: "empty file") }
        let h = CSVHeader(headerRecord.fields)
        for column in ["id", "name", "kind", "lat", "lon", "source"] where h.index(of: column) == nil {
            throw .badInput(file: path, line: headerRecord.line, message: "missing column '\(column)' (not a features CSV?)")
        }
        let cc = country.uppercased()
        var out: [Place] = []
        var ids: Set<String> = []
        while let r = it.next() {
            guard r.fields.count == h.names.count else {
                throw .badInput(file: path, line: r.line, message: "expected \(h.names.count) fields, found \(r.fields.count)")
            }
            guard let rawID = h.value("id", in: r) else { throw .badInput(file: path, line: r.line, message: "field 'id' is empty") }
            let id = rawID.hasPrefix("feature:") ? rawID : "feature:\(rawID)"
            guard ids.insert(id).inserted else { throw .badInput(file: path, line: r.line, message: "duplicate id '\(id)'") }
            guard let name = h.value("name", in: r) else { throw .badInput(file: path, line: r.line, message: "field 'name' is empty") }
            let kind = try Self.kind(h.value("kind", in: r) ?? "", file: path, line: r.line)
            let c = try InputFile.coordinate(lat: h.value("lat", in: r), lon: h.value("lon", in: r), file: path, line: r.line)
            guard let source = h.value("source", in: r) else {
                throw .badInput(file: path, line: r.line, message: "field 'source' is empty: every feature names where its coordinate comes from")
            }
            var names = [PlaceName(name, origin: .primary)]
            for alt in (h.value("names", in: r) ?? "").split(separator: "|") {
                let a = alt.trimmingCharacters(in: .whitespaces)
                if !a.isEmpty, !names.contains(where: { $0.text == a }) { names.append(PlaceName(a, origin: .alternate)) }
            }
            out.append(Place(id: id, name: name, coordinate: c, kind: kind, admin1: h.value("admin1", in: r), country: cc,
                             source: "features:\(GeoNamesTSV.lastComponent(path)) \(source)", names: names))
        }
        return withCoreNames(out, words: words)
    }

    /// Adds each feature's names without their generic word, except a core that is a name of another feature as
    /// written ("Euphrates" of "Euphrates Dam" is the river's name).
    static func withCoreNames(_ places: [Place], words: FeatureWords) -> [Place] {
        var written: [String: Set<String>] = [:]
        for p in places { for n in p.names { written[NameFolding.fold(n.text), default: []].insert(p.id) } }
        return places.map { p in
            var p = p
            for n in p.names {
                guard let core = Self.core(of: n.text, kind: p.kind, words: words) else { continue }
                let folded = NameFolding.fold(core)
                if written[folded, default: []].contains(where: { $0 != p.id }) { continue }
                if !p.names.contains(where: { NameFolding.fold($0.text) == folded }) { p.names.append(PlaceName(core, origin: .alternate)) }
            }
            return p
        }
    }

    static func kind(_ text: String, file: String, line: Int) throws(GazetteerError) -> PlaceKind {
        if text == "region" { return .area }
        if text == "neighbourhood" { return .neighbourhood }
        guard let k = PlaceKind(rawValue: text), k.isFeature else {
            let allowed = PlaceKind.allCases.filter(\.isFeature).map(\.rawValue) + ["region", "neighbourhood"]
            throw .badInput(file: file, line: line, message: "field 'kind': '\(text)' is not one of \(allowed.joined(separator: ", "))")
        }
        return k
    }

    /// The name without its generic word, with the original's capitals when the words line up ("Tabqa Dam" →
    /// "Tabqa"); nil when it has none.
    static func core(of name: String, kind: PlaceKind, words: FeatureWords) -> String? {
        guard let folded = words.core(of: name, kind: kind), !folded.isEmpty else { return nil }
        let original = name.split(whereSeparator: { $0 == " " || $0 == "-" })
        let foldedWords = NameFolding.fold(name).split(separator: " ")
        let coreWords = folded.split(separator: " ")
        guard original.count == foldedWords.count else { return folded }
        if foldedWords.prefix(coreWords.count).elementsEqual(coreWords) { return original.prefix(coreWords.count).joined(separator: " ") }
        if foldedWords.suffix(coreWords.count).elementsEqual(coreWords) { return original.suffix(coreWords.count).joined(separator: " ") }
        return folded
    }
}
