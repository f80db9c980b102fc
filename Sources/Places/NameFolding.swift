import Foundation
import GeoCore

/// The light normalisation under which two spellings count as the *same written name*: case, diacritics,
/// apostrophe-like marks (ayn, hamza, ‘ ’ ` ´), punctuation and spacing, French elisions ("d'Idleb" → "idleb"),
/// and the Arabic-script variants that are spelling, not language (alef and hamza forms, taa marbuta, yaa and
/// alef maqsura, tatweel, harakat). "Al Bāb", "al-Bab" and "AL BAB" all fold to "al bab".
///
/// Transliteration differences (Idleb/Idlib, Raqqa/Raqa) are left to `NameKey`.
public enum NameFolding {
    /// A folded name without the Arabic article that opens it ("al midan" → "midan"), nil when none opens it or
    /// nothing would remain: a name written with its article is the same name as the gazetteer's without one.
    public static func withoutArticle(folded: String) -> String? {
        guard let space = folded.firstIndex(of: " "), NameKey.articles.contains(String(folded[..<space])) else { return nil }
        let rest = folded[folded.index(after: space)...]
        return rest.isEmpty ? nil : String(rest)
    }

    /// The folded form: lowercase words separated by single spaces.
    public static func fold(_ text: String) -> String {
        var copy = text
        if let fast = copy.withUTF8(asciiFold) { return fast }
        return foldScalars(text)
    }

    /// The fold of these scalars (`fold(String(scalars:))` without building the string first).
    public static func fold(scalars: ArraySlice<Unicode.Scalar>) -> String {
        guard scalars.allSatisfy({ $0.value < 0x80 }) else { return foldScalars(scalars) }
        var text = String(scalars: scalars)
        return text.withUTF8(asciiFold) ?? foldScalars(scalars)
    }

    /// The general path, scalar by scalar.
    static func foldScalars(_ text: String) -> String { foldScalars(Array(text.unicodeScalars)[...]) }

    static func foldScalars(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(scalars.count)
        var pendingSpace = false
        var wordStart = true
        var i = scalars.startIndex
        func emit(_ s: Unicode.Scalar) {
            if pendingSpace, !out.isEmpty { out.append(" ") }
            pendingSpace = false
            out.append(s)
            wordStart = false
        }
        while i < scalars.endIndex {
            let s = scalars[i]
            let v = s.value
            // French elision at the start of a word: d'Idleb, l'Euphrate, qu'…
            if wordStart, v == 0x64 || v == 0x6C || v == 0x44 || v == 0x4C, i + 2 < scalars.endIndex,
               isApostrophe(scalars[i + 1]), isLetter(scalars[i + 2]) {
                i += 2
                continue
            }
            if v < 0x80 {
                switch v {
                case 0x61...0x7A, 0x30...0x39: emit(s)
                case 0x41...0x5A: emit(Unicode.Scalar(v + 32)!)
                case 0x27, 0x60: break   // ' and ` join: A'zaz → azaz
                default: pendingSpace = true; wordStart = true
                }
            } else if isApostrophe(s) || isCombiningMark(s) {
                // marks vanish without splitting the word
            } else if (0x0600...0x06FF).contains(v) {
                if let a = arabic(s) { emit(a) } else if !arabicDropped(s) { pendingSpace = true; wordStart = true }
            } else if let latin = v < UInt32(latinByValue.count) ? latinByValue[Int(v)] : latinTable[s] {
                for x in latin.unicodeScalars { emit(x) }
            } else if s.isAlphabetic || s.isNumeric {
                for x in String(s).lowercased().unicodeScalars where !isCombiningMark(x) { emit(x) }
            } else {
                pendingSpace = true
                wordStart = true
            }
            i += 1
        }
        return String(scalars: out[...])
    }

    /// The same rules for pure ASCII text, on bytes; nil as soon as a non-ASCII byte appears.
    static func asciiFold(_ b: UnsafeBufferPointer<UInt8>) -> String? {
        let n = b.count
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: n + 1) { out -> String? in
            var len = 0
            var pendingSpace = false, wordStart = true
            var i = 0
            func isAlpha(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
            while i < n {
                let c = b[i]
                if c >= 0x80 { return nil }
                if wordStart, c | 0x20 == 0x64 || c | 0x20 == 0x6C, i + 2 < n, b[i + 1] == 0x27 || b[i + 1] == 0x60,
                   isAlpha(b[i + 2]) {
                    i += 2
                    continue
                }
                switch c {
                case 0x61...0x7A, 0x30...0x39, 0x41...0x5A:
                    if pendingSpace, len > 0 { out[len] = 0x20; len += 1 }
                    pendingSpace = false
                    out[len] = c >= 0x41 && c <= 0x5A ? c + 32 : c
                    len += 1
                    wordStart = false
                case 0x27, 0x60: break
                default: pendingSpace = true; wordStart = true
                }
                i += 1
            }
            return String(decoding: UnsafeBufferPointer(rebasing: out[0..<len]), as: UTF8.self)
        }
    }

    public static func isApostrophe(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x27, 0x60, 0xB4, 0x2BB, 0x2BC, 0x2BE, 0x2BF, 0x2018, 0x2019, 0x201B, 0x2032, 0x2035, 0x02C8: return true
        default: return false
        }
    }

    static func isLetter(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x80 ? (s.value | 0x20) >= 0x61 && (s.value | 0x20) <= 0x7A : s.properties.isAlphabetic
    }

    static func isCombiningMark(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F: return true
        default: return false
        }
    }

    /// Arabic letters that are dropped: harakat, superscript alef, tatweel, lone hamza.
    static func arabicDropped(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x064B...0x065F, 0x0670, 0x0640, 0x0621, 0x06D6...0x06ED: return true
        default: return false
        }
    }

    /// Canonical Arabic letter, or nil for non-letters (punctuation, digits are kept).
    static func arabic(_ s: Unicode.Scalar) -> Unicode.Scalar? {
        switch s.value {
        case 0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673: return "\u{0627}"   // alef forms → ا
        case 0x0629: return "\u{0647}"                                           // ة → ه
        case 0x0649, 0x06CC, 0x06D2, 0x0626: return "\u{064A}"                   // ى ی ے ئ → ي
        case 0x0624: return "\u{0648}"                                           // ؤ → و
        case 0x06A9: return "\u{0643}"                                           // ک → ك
        case 0x0660...0x0669: return Unicode.Scalar(s.value - 0x0660 + 0x30)     // Arabic-Indic digits
        case 0x06F0...0x06F9: return Unicode.Scalar(s.value - 0x06F0 + 0x30)
        case 0x0621, 0x0640, 0x064B...0x065F, 0x0670: return nil
        case 0x0620...0x064A, 0x066E...0x06D3, 0x06D5, 0x06EE...0x06FF: return s
        default: return nil
        }
    }

    /// `latinTable` by scalar value below U+1F00 (where all its letters lie but for ẞ): an array read instead of
    /// hashing a scalar.
    static let latinByValue: [String?] = (0..<0x1F00).map { v in Unicode.Scalar(UInt32(v)).flatMap { latinTable[$0] } }

    /// Latin letters with diacritics and ligatures → plain ASCII, built once from Unicode decompositions.
    public static let latinTable: [Unicode.Scalar: String] = {
        var t: [Unicode.Scalar: String] = [:]
        let special: [UInt32: String] = [
            0xDF: "ss", 0xE6: "ae", 0xC6: "ae", 0x153: "oe", 0x152: "oe", 0xF8: "o", 0xD8: "o", 0x111: "d", 0x110: "d",
            0x142: "l", 0x141: "l", 0x131: "i", 0xFE: "th", 0xDE: "th", 0xF0: "d", 0xD0: "d", 0x127: "h", 0x126: "h",
            0x167: "t", 0x166: "t", 0x140: "l", 0x13F: "l", 0x138: "k", 0x149: "n", 0x17F: "s", 0x259: "e", 0x18F: "e",
            0x254: "o", 0x186: "o", 0x263: "g", 0x1E9E: "ss",
        ]
        for (v, r) in special { t[Unicode.Scalar(v)!] = r }
        for range in [0x00C0...0x024F, 0x1E00...0x1EFF] {
            for v in range {
                guard let s = Unicode.Scalar(UInt32(v)), t[s] == nil else { continue }
                let base = String(s).decomposedStringWithCanonicalMapping.unicodeScalars
                    .filter { $0.isASCII && $0.properties.isAlphabetic }
                guard !base.isEmpty else { continue }
                t[s] = String(String.UnicodeScalarView(base)).lowercased()
            }
        }
        return t
    }()
}
