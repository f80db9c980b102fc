import GeoCore
import Places

/// Text lowercased and stripped of diacritics scalar by scalar (é → e, Ḩ → h, ’ → '), keeping one folded
/// scalar per original scalar, so a match in the folded text is a range of code points of the original
/// (as Python's `str` indexes).
struct FoldedText {
    let original: [Unicode.Scalar]
    /// The folded scalars' values, one per original scalar: what the grammar's patterns search.
    let folded: [UInt32]

    init(_ scalars: [Unicode.Scalar]) {
        original = scalars
        folded = scalars.map { Self.foldScalar($0).value }
    }

    static func foldScalar(_ s: Unicode.Scalar) -> Unicode.Scalar {
        s.value < UInt32(foldedBelow3000.count) ? Unicode.Scalar(foldedBelow3000[Int(s.value)])! : computeFold(s)
    }

    /// `computeFold` of every scalar below U+3000 (Latin, Greek, Cyrillic, Arabic, punctuation), made once: the
    /// general case lowercases a one-scalar string.
    static let foldedBelow3000: [UInt32] = (0..<0x3000).map { v in Unicode.Scalar(UInt32(v)).map { computeFold($0).value } ?? UInt32(v) }

    static func computeFold(_ s: Unicode.Scalar) -> Unicode.Scalar {
        switch s.value {
        case 0x41...0x5A: return Unicode.Scalar(s.value + 32)!
        case 0x2018, 0x2019, 0x02BC, 0x02BB, 0x0060, 0x00B4, 0x2032: return "'"
        case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2212: return "-"
        case 0x00A0, 0x202F, 0x2009: return " "
        case 0x00AB, 0x00BB, 0x201C, 0x201D: return "\""
        default:
            if s.isASCII { return s }
            if let latin = NameFolding.latinTable[s], let first = latin.unicodeScalars.first { return first }
            let lower = String(s).lowercased().unicodeScalars
            return lower.count == 1 ? lower.first! : s
        }
    }

    func originalText(_ r: Range<Int>) -> String {
        String(scalars: original[r])
    }

    func foldedText(_ r: Range<Int>) -> String {
        String(scalars: folded[r].map { Unicode.Scalar($0)! }[...])
    }
}
