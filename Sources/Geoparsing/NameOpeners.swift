import Foundation
import GeoCore
import Places

/// Generic words that open many Arabic place names ("Kafr", "Tal", "Deir", "Ain", "Jisr"…), read from
/// `Lexicon/name_openers.csv` (`word,meaning`; folded). Alone before another capitalised word they are part of a
/// name the gazetteer lacks ("Kafr Qxyz"), never a place of their own: a village called "Kafr" is not meant.
enum NameOpeners {
    static let words: Set<String> = {
        guard let url = Bundle.module.url(forResource: "name_openers", withExtension: "csv", subdirectory: "Lexicon"),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            preconditionFailure("geomap's Lexicon/name_openers.csv is missing from the bundle")
        }
        var it = CSVReader(text: text).makeIterator()
        let header = CSVHeader(it.next()?.fields ?? [])
        var out: Set<String> = []
        while let r = it.next() { if let w = header.value("word", in: r) { out.insert(NameFolding.fold(w)) } }
        precondition(!out.isEmpty, "geomap's Lexicon/name_openers.csv is empty")
        return out
    }()
}
