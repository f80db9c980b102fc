import Foundation
import GeoCore
import Patterns

/// How a text is laid out for geoparsing: blocks read as one document, header lines that are not report text,
/// and its language.
extension Geoparser {
    /// Ranges of at most `blockSize` code points, cut after a blank line where there is one, else after a
    /// line break, else after a sentence end or a space (`TextBreaks`), else (a 16,384-letter word) anywhere.
    public static func blocks(_ scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0
        while start < scalars.count {
            var end = min(scalars.count, start + blockSize)
            // A cut right after `start` (a line feed opening the window) would make an empty-ish block: cut anywhere.
            if end < scalars.count {
                let window = scalars[start..<end]
                if let cut = TextBreaks.lastBreak(in: window, newline: "\n"), cut - 1 > start {
                    end = cut
                } else if let cut = TextBreaks.lastSoftBreak(in: window, isSpace: { $0.isWhitespace },
                                                             isSentenceEnd: { $0 == "." || $0 == "!" || $0 == "?" }), cut - 1 > start {
                    // A text with no line break: at a sentence end or a space, never inside a word.
                    end = cut
                }
            }
            out.append(start..<end)
            start = end
        }
        return out
    }

    static func detectLanguage(_ tokens: [Token]) -> String {
        let fr: Set<String> = ["le", "la", "les", "des", "du", "et", "dans", "selon", "une", "est", "sont", "par", "pour", "au", "aux", "qui"]
        let en: Set<String> = ["the", "of", "and", "in", "to", "from", "by", "on", "with", "was", "were", "is", "are", "said", "that"]
        var f = 0, e = 0
        for t in tokens.prefix(5000) {
            if fr.contains(t.folded) { f += 1 }
            if en.contains(t.folded) { e += 1 }
        }
        return f > e ? "fr" : "en"
    }

    /// Lines that are time stamps of a capture ("26-11-2024 09:52 PM Jerusalem Timing"): not report text.
    static func headerLines(_ scalars: [Unicode.Scalar]) -> Set<Int> {
        var out: Set<Int> = []
        // Lines as the tokenizer counts them (at each line feed).
        var line = 0, start = 0, colon = false
        for i in 0...scalars.count {
            guard i == scalars.count || scalars[i] == "\n" else {
                if scalars[i] == ":" { colon = true }
                continue
            }
            // A time needs a colon; most lines have none and skip both patterns.
            if colon, String(scalars: scalars[start..<i]).count < 100 {
                let s = scalars[start..<i].map(\.value)
                if headerDate.firstMatch(in: s) != nil, headerTime.firstMatch(in: s) != nil { out.insert(line) }
            }
            line += 1
            start = i + 1
            colon = false
        }
        return out
    }

    static let headerDate = try! ScalarRegex(#"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}"#)
    static let headerTime = try! ScalarRegex(#"\b\d{1,2}:\d{2}\b"#)
}
