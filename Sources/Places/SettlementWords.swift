import Foundation
import GeoCore

/// Arabic generic words that open the recorded name of a settlement and that reports translate or leave out:
/// "Mukhayyam al Wafidin" is "the al-Wafideen camp", "le camp d'al-Wafidine", or "al-Wafideen". Read from
/// `Lexicon/settlement_words.csv` (`word,meaning`, folded words). The rest of such a name is stored as an
/// alternate name of the place at import.
public enum SettlementWords {
    static let words = LexiconWords.folded("settlement_words", in: .module)

    /// The name without its opening generic word, as written ("Mukhayyam al Wafidin" → "al Wafidin"); nil
    /// when no such word opens it or nothing would remain.
    public static func coreName(of name: String) -> String? {
        guard let space = name.firstIndex(of: " "), words.contains(NameFolding.fold(String(name[..<space]))) else { return nil }
        let rest = name[name.index(after: space)...].trimmingCharacters(in: .whitespaces)
        return rest.isEmpty ? nil : rest
    }
}
