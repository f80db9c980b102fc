import Foundation
import GeoCore

/// Arabic generic words that open the recorded name of a settlement and that reports translate or leave out:
/// "Mukhayyam al Wafidin" is "the al-Wafideen camp", "le camp d'al-Wafidine", or "al-Wafideen". Read from
/// `Lexicon/settlement_words.csv` (`word,meaning`, folded words). The rest of such a name is stored as an
/// alternate name of the place at import.
public enum SettlementWords {
    static let words: Set<String> = {
        guard let url = Bundle.module.url(forResource: "settlement_words", withExtension: "csv", subdirectory: "Lexicon"),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            preconditionFailure("geomap's settlement word list (Lexicon/settlement_words.csv) is missing")
        }
        var it = CSVReader(text: text).makeIterator()
        let header = CSVHeader(it.next()?.fields ?? [])
        var out: Set<String> = []
        while let r = it.next() { if let w = header.value("word", in: r) { out.insert(NameFolding.fold(w)) } }
        precondition(!out.isEmpty, "Lexicon/settlement_words.csv lists no word")
        return out
    }()

    /// The name without its opening generic word, as written ("Mukhayyam al Wafidin" → "al Wafidin"); nil
    /// when no such word opens it or nothing would remain.
    public static func coreName(of name: String) -> String? {
        guard let space = name.firstIndex(of: " "), words.contains(NameFolding.fold(String(name[..<space]))) else { return nil }
        let rest = name[name.index(after: space)...].trimmingCharacters(in: .whitespaces)
        return rest.isEmpty ? nil : rest
    }
}
