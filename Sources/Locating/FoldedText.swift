import Foundation
import Places

/// Text lowercased and stripped of diacritics scalar by scalar (é → e, Ḩ → h, ’ → '), keeping one folded
/// scalar per original scalar, so a match in the folded text gives offsets into the original counted in
/// Unicode code points (as Python's `str` indexes).
struct FoldedText {
    let original: [Unicode.Scalar]
    let folded: String
    /// Scalar index of each UTF-16 offset of `folded` (NSRegularExpression works in UTF-16).
    private let scalarAtUTF16: [Int]

    init(_ text: String) {
        original = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var map: [Int] = []
        map.reserveCapacity(original.count + 1)
        for (k, s) in original.enumerated() {
            let f = Self.foldScalar(s)
            out.append(f)
            for _ in 0..<f.utf16.count { map.append(k) }
        }
        map.append(original.count)
        folded = String(out)
        scalarAtUTF16 = map
    }

    static func foldScalar(_ s: Unicode.Scalar) -> Unicode.Scalar {
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

    var fullRange: NSRange { NSRange(location: 0, length: folded.utf16.count) }

    /// Code-point range in the original text of a UTF-16 range in the folded text.
    func scalarRange(_ r: NSRange) -> Range<Int> {
        scalarAtUTF16[r.location]..<scalarAtUTF16[r.location + r.length]
    }

    func originalText(_ r: Range<Int>) -> String {
        String(String.UnicodeScalarView(original[r]))
    }

    func foldedText(_ r: NSRange) -> String {
        (folded as NSString).substring(with: r)
    }
}
