import Foundation
import GeoCore
import Places

/// Generic words that open many Arabic place names ("Kafr", "Tal", "Deir", "Ain", "Jisr"…), read from
/// `Lexicon/name_openers.csv` (`word,meaning`; folded). Alone before another capitalised word they are part of a
/// name the gazetteer lacks ("Kafr Qxyz"), never a place of their own: a village called "Kafr" is not meant.
enum NameOpeners {
    static let words = LexiconWords.folded("name_openers", in: .module)
}
