import Foundation
import GeoCore
import Incidents

/// Sentences of a block and the words of a folded sentence; phrases found among the words.
extension EventExtractor {
    static func sentences(_ s: [Unicode.Scalar]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0
        func close(_ end: Int) {
            var a = start, b = end
            while a < b, s[a].isWhitespace { a += 1 }
            while b > a, s[b - 1].isWhitespace { b -= 1 }
            if b > a { out.append(a..<b) }
            start = end
        }
        for i in s.indices {
            if s[i] == "\n" { close(i + 1); continue }
            if s[i] == "." || s[i] == "!" || s[i] == "?", i + 1 < s.count, s[i + 1].isWhitespace || s[i + 1].isUppercase {
                // Not after a single capital or a number ("M. Idriss", "1.700").
                if i > 0, s[i - 1].isNumeric, i + 1 < s.count, s[i + 1].isNumeric { continue }
                close(i + 1)
            }
        }
        close(s.count)
        return out
    }

    static func contains(_ words: [String], _ phrase: String) -> Bool { position(words, phrase) != nil }

    static func position(_ words: [String], _ phrase: String) -> Int? {
        // Most phrases fail on their first word: look for it before splitting the phrase.
        let head = String(phrase.firstIndex(of: " ").map { phrase[..<$0] } ?? phrase[...])
        guard words.contains(head) else { return nil }
        return occurrences(of: phrase.split(separator: " ").map(String.init), in: words, first: true).first
    }

    /// Whether the words `p` stand in `words` from position `i` (an array of words or a slice of one).
    static func phrase<Words: RandomAccessCollection<String>>(_ p: [String], at i: Int, in words: Words) -> Bool where Words.Index == Int {
        i >= words.startIndex && i + p.count <= words.endIndex && words[i..<(i + p.count)].elementsEqual(p)
    }

    /// Where the words `p` occur in `words` (only the first with `first`), by first word then the rest,
    /// without building arrays.
    static func occurrences(of p: [String], in words: [String], first: Bool = false) -> [Int] {
        guard let head = p.first, words.count >= p.count else { return [] }
        var out: [Int] = []
        for i in 0...(words.count - p.count) where words[i] == head && phrase(p, at: i, in: words) {
            out.append(i)
            if first { break }
        }
        return out
    }


    /// The words of a folded text (words and single spaces), split on the bytes, not on characters (no space of
    /// a fold carries a combining mark, so this is its `split(separator: " ")`).
    static func words(of folded: String) -> [String] {
        var out: [String] = []
        var copy = folded
        copy.withUTF8 { b in
            var start = 0
            for i in 0...b.count where i == b.count || b[i] == 0x20 {
                if i > start { out.append(String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)) }
                start = i + 1
            }
        }
        return out
    }
}
