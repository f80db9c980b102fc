import GeoCore
import Places

/// A word of the text with its code-point range. French elisions are split off ("d'Idleb" → "Idleb", with
/// `elision` "d"); hyphens separate words but are remembered, so "Ram-Hamdane" is found as one name.
struct Token {
    let text: String
    let range: Range<Int>
    let folded: String
    let elision: String?
    /// The separator before this token is a hyphen (or the token follows an elision apostrophe).
    let joinedToPrevious: Bool
    let startsUpper: Bool
    let allUpper: Bool
    /// First token of a sentence (after . ! ? or a line break, or at the start).
    let sentenceStart: Bool
    /// Index of the line the token is on.
    let line: Int

    var isCapitalized: Bool { startsUpper }
}

enum Tokenizer {
    static func isApostrophe(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x27, 0x2019, 0x2018, 0x02BC, 0x02BB, 0x60, 0x2BF, 0x2BE: return true
        default: return false
        }
    }

    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        s.isAlphabetic || s.isNumeric || (0x0300...0x036F).contains(s.value)
    }

    @inline(__always) static func isASCIILetter(_ v: UInt32) -> Bool { (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }

    /// More than one letter, all of them capitals ("EIIL", "ASL"), with no array built.
    static func allUpper(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        var letters = 0
        for s in scalars where s.isAlphabetic {
            guard s.isUppercase else { return false }
            letters += 1
        }
        return letters > 1
    }

    /// The fold of a word of ASCII letters and digits only (most words): its lowercase. Nil for any other word.
    static func asciiLowercased(_ word: ArraySlice<Unicode.Scalar>) -> String? {
        guard word.allSatisfy({ $0.value < 0x80 && (isASCIILetter($0.value) || (0x30...0x39).contains($0.value)) }) else { return nil }
        return String(unsafeUninitializedCapacity: word.count) { out in
            for (i, s) in word.enumerated() { out[i] = UInt8(s.value) | (isASCIILetter(s.value) ? 0x20 : 0) }
            return word.count
        }
    }

    static func tokens(_ scalars: [Unicode.Scalar]) -> [Token] {
        var out: [Token] = []
        out.reserveCapacity(scalars.count / 5)
        var i = 0
        var line = 0
        var sentenceStart = true
        var hyphenBefore = false
        let n = scalars.count
        while i < n {
            let s = scalars[i]
            if !isWordScalar(s) {
                if s == "\n" { line += 1; sentenceStart = true }
                if s == "." || s == "!" || s == "?" || s == ":" { sentenceStart = true }
                hyphenBefore = (s == "-" || s == "\u{2010}" || s == "\u{2011}") && i > 0 && isWordScalar(scalars[i - 1])
                i += 1
                continue
            }
            var start = i
            var elision: String?
            // d'Idleb, l’Euphrate, qu'…: split the elided article off.
            if i + 2 < n, isApostrophe(scalars[i + 1]), isWordScalar(scalars[i + 2]),
               ["d", "l", "D", "L"].contains(Character(s)) {
                elision = String(Character(s)).lowercased()
                start = i + 2
            }
            var k = start
            while k < n {
                if isWordScalar(scalars[k]) { k += 1; continue }
                // An apostrophe between letters stays inside the word: Ma'arrat, Nu‘man, Qal‘at.
                if isApostrophe(scalars[k]), k + 1 < n, isWordScalar(scalars[k + 1]), k > start { k += 1; continue }
                break
            }
            let text = String(scalars: scalars[start..<k])
            out.append(Token(text: text, range: start..<k, folded: asciiLowercased(scalars[start..<k]) ?? NameFolding.fold(scalars: scalars[start..<k]), elision: elision,
                             joinedToPrevious: hyphenBefore || elision != nil, startsUpper: scalars[start].isUppercase,
                             allUpper: allUpper(scalars[start..<k]), sentenceStart: sentenceStart, line: line))
            sentenceStart = false
            hyphenBefore = false
            i = k
        }
        return out
    }
}
