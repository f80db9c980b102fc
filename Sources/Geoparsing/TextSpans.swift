/// Where the sentence and the paragraph holding a position begin, and whether a name is a report's dateline:
/// the frames in which an elliptical expression ("à 7 km au nord") finds the place it leaves unsaid.
enum TextSpans {
    /// The start of the sentence holding `position`: right after the last ". ", "! ", "? " or line break before
    /// it, else 0. A full stop after a single capital ("J. Smith") or inside a number ends nothing.
    static func sentenceStart(before position: Int, in scalars: [Unicode.Scalar]) -> Int {
        var i = min(position, scalars.count) - 1
        while i > 0 {
            let c = scalars[i]
            if c == "\n" { return i + 1 }
            if c == " " || c == "\t", [".", "!", "?"].contains(scalars[i - 1]) {
                let initial = i >= 3 && scalars[i - 2].isUppercase && !scalars[i - 3].isAlphabetic
                if !initial { return i + 1 }
            }
            i -= 1
        }
        return 0
    }

    /// The start of the paragraph holding `position`: right after the last line break before it, else 0.
    static func paragraphStart(before position: Int, in scalars: [Unicode.Scalar]) -> Int {
        var i = min(position, scalars.count) - 1
        while i >= 0 {
            if scalars[i] == "\n" { return i + 1 }
            i -= 1
        }
        return 0
    }

    /// A dateline's place: the name opening the paragraph, written in capitals and followed by a comma
    /// ("BEYROUTH, 19 fév 2016 (AFP) -", "ALEP, Syrie"): the newsroom's city, not the report's subject.
    static func isDateline(_ range: Range<Int>, paragraphStart: Int, in scalars: [Unicode.Scalar]) -> Bool {
        guard range.lowerBound == paragraphStart, range.upperBound < scalars.count, scalars[range.upperBound] == "," else { return false }
        let letters = scalars[range].filter { $0.isAlphabetic }
        return !letters.isEmpty && letters.allSatisfy { !$0.properties.isLowercase }
    }
}
