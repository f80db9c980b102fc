import GeoCore

/// Curated aliases (`Gazetteer/aliases.csv`): `alias,place_id,lang,source` — spellings and exonyms analysts
/// meet that the source data lacks, each with the reason or source it was added for.
public enum AliasFile {
    public struct Alias: Equatable {
        public let alias: String
        public let placeID: String
        public let language: String?
        public let line: Int
    }

    public static func read(_ path: String) throws(GazetteerError) -> [Alias] {
        let text = try InputFile.text(path)
        var it = CSVReader(text: text).makeIterator()
        guard let headerRecord = it.next() else { return [] }
        let header = CSVHeader(headerRecord.fields)
        for required in ["alias", "place_id", "source"] where header.index(of: required) == nil {
            throw .badInput(file: path, line: headerRecord.line, message: "missing column '\(required)'")
        }
        var out: [Alias] = []
        while let r = it.next() {
            guard let alias = header.value("alias", in: r) else {
                throw .badInput(file: path, line: r.line, message: "field 'alias' is empty")
            }
            guard let id = header.value("place_id", in: r), id.contains(":") else {
                throw .badInput(file: path, line: r.line, message: "field 'place_id' must be a prefixed id such as geonames:170063")
            }
            guard header.value("source", in: r) != nil else {
                throw .badInput(file: path, line: r.line, message: "field 'source' is empty: say where the alias comes from")
            }
            out.append(Alias(alias: alias, placeID: id, language: header.value("lang", in: r), line: r.line))
        }
        return out
    }
}
