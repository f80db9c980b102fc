import Foundation
import GeoCore

/// A word list of a module's `Lexicon/` folder (a CSV with a `word` column), folded: the editable language data
/// the code reads instead of literals. A list missing from the bundle or empty is a broken build, not an input
/// error: it stops the program with the file's name.
public enum LexiconWords {
    public static func folded(_ name: String, column: String = "word", in bundle: Bundle) -> Set<String> {
        guard let url = bundle.url(forResource: name, withExtension: "csv", subdirectory: "Lexicon"),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            preconditionFailure("geomap's Lexicon/\(name).csv is missing from the bundle")
        }
        var it = CSVReader(text: text).makeIterator()
        let header = CSVHeader(it.next()?.fields ?? [])
        var out: Set<String> = []
        while let r = it.next() { if let w = header.value(column, in: r) { out.insert(NameFolding.fold(w)) } }
        precondition(!out.isEmpty, "geomap's Lexicon/\(name).csv lists no \(column)")
        return out
    }
}
