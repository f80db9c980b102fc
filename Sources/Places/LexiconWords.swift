import Foundation
import GeoCore

/// A word list of a module's `Lexicon/` folder (a CSV with a `word` column), folded: the editable language data
/// the code reads instead of literals. A list missing from the bundle or empty is a broken build, not an input
/// error: it stops the program with the file's name.
public enum LexiconWords {
    public static func folded(_ name: String, column: String = "word", in bundle: Bundle) -> Set<String> {
        Set(foldedMap(name, key: column, value: column, in: bundle).keys)
    }

    /// The list as a map from the folded `key` column to the `value` column as written.
    public static func foldedMap(_ name: String, key: String = "word", value: String, in bundle: Bundle) -> [String: String] {
        guard let url = bundle.url(forResource: name, withExtension: "csv", subdirectory: "Lexicon"),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            preconditionFailure("geomap's Lexicon/\(name).csv is missing from the bundle")
        }
        var it = CSVReader(text: text).makeIterator()
        let header = CSVHeader(it.next()?.fields ?? [])
        var out: [String: String] = [:]
        while let r = it.next() {
            if let w = header.value(key, in: r), let v = header.value(value, in: r) { out[NameFolding.fold(w)] = v }
        }
        precondition(!out.isEmpty, "geomap's Lexicon/\(name).csv lists no \(key)")
        return out
    }
}
