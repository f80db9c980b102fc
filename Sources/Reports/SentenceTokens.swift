import Foundation
import GeoCore
import Places

/// The folded words of one sentence with where each came from, and the clauses they fall into.
///
/// Each whitespace-separated token of the text is folded on its own ("d’Idleb" → "d idleb"); every word it gives
/// carries the token's span, so a mention maps to words and a word back to text. The punctuation a token ends
/// with is kept: clauses break at ";" and ":", before "while"/"tandis que"/"whom"…, and at ", and"/", et" when
/// what follows is not the next item of a list ("on A, and on B").
struct SentenceTokens {
    /// Folded words.
    var words: [String] = []
    /// The code-point span of the token each word came from.
    var spans: [Range<Int>] = []
    /// The punctuation the word's token ends with (",", ";", ":", ")" …), or nil; only on a token's last word.
    var trailing: [Unicode.Scalar?] = []
    /// The clause each word belongs to (0, 1, …).
    var clause: [Int] = []
    var clauseCount = 0

    init(_ scalars: [Unicode.Scalar], _ sentence: Range<Int>, lists: WordLists) {
        self.init(Self.tokenize(scalars, sentence), lists: lists)
    }

    /// The words of a sentence already split (`tokenize`), with its clauses found.
    init(_ split: Split, lists: WordLists) {
        words = split.words
        spans = split.spans
        trailing = split.trailing
        clause = [Int](repeating: 0, count: words.count)
        var k = 0
        for j in words.indices {
            if j > 0, breaksBefore(j, lists: lists) { k += 1 }
            clause[j] = k
        }
        clauseCount = words.isEmpty ? 0 : k + 1
    }

    /// A sentence's words, their tokens' spans and trailing punctuation, before clauses are found: what the
    /// extractor asks first of every sentence (whether it holds any word of events or control).
    struct Split {
        var words: [String] = []
        var spans: [Range<Int>] = []
        var trailing: [Unicode.Scalar?] = []
    }

    /// Splits `sentence` into whitespace-separated tokens and those into folded words. The words are those of
    /// the whole sentence folded (`EventExtractor.fold`, then `words(of:)`): folding never joins or splits
    /// across white space.
    static func tokenize(_ scalars: [Unicode.Scalar], _ sentence: Range<Int>) -> Split {
        var out = Split()
        // About one word in six code points: most sentences fill these without growing them.
        let expected = sentence.count / 6 + 4
        out.words.reserveCapacity(expected); out.spans.reserveCapacity(expected); out.trailing.reserveCapacity(expected)
        var i = sentence.lowerBound
        while i < sentence.upperBound {
            while i < sentence.upperBound, scalars[i].isWhitespace { i += 1 }
            let start = i
            while i < sentence.upperBound, !scalars[i].isWhitespace { i += 1 }
            guard i > start else { continue }
            let added = Self.appendWords(ofToken: scalars[start..<i], to: &out.words)
            guard added > 0 else {
                // A lone dash or semicolon: it still ends the clause of the word before.
                if let last = out.trailing.indices.last, out.trailing[last] == nil, let p = Self.punctuation(scalars[start..<i]) {
                    out.trailing[last] = p
                }
                continue
            }
            for _ in 0..<added { out.spans.append(start..<i); out.trailing.append(nil) }
            out.trailing[out.trailing.count - 1] = Self.punctuation(scalars[start..<i])
        }
        return out
    }

    /// The folded words of one whitespace-free token (`EventExtractor.fold`, then its words). Most tokens are ASCII
    /// without an apostrophe: their fold is their runs of letters and digits, lower-cased, read here directly.
    static func words(ofToken token: ArraySlice<Unicode.Scalar>) -> [String] {
        var out: [String] = []
        _ = appendWords(ofToken: token, to: &out)
        return out
    }

    /// Appends the words of `words(ofToken:)` to `out` (no array of its own per token); returns how many.
    static func appendWords(ofToken token: ArraySlice<Unicode.Scalar>, to out: inout [String]) -> Int {
        guard token.count <= 64, token.allSatisfy({ $0.value < 0x80 && $0.value != 0x27 && $0.value != 0x60 }) else {
            let words = foldedWords(ofToken: token)
            out += words
            return words.count
        }
        let before = out.count
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { run in
            var n = 0
            for s in token {
                let c = UInt8(s.value)
                switch c {
                case 0x61...0x7A, 0x30...0x39: run[n] = c; n += 1
                case 0x41...0x5A: run[n] = c + 32; n += 1
                default:
                    if n > 0 { out.append(String(decoding: UnsafeBufferPointer(rebasing: run[0..<n]), as: UTF8.self)); n = 0 }
                }
            }
            if n > 0 { out.append(String(decoding: UnsafeBufferPointer(rebasing: run[0..<n]), as: UTF8.self)) }
        }
        return out.count - before
    }

    /// The general path of `words(ofToken:)`.
    static func foldedWords(ofToken token: ArraySlice<Unicode.Scalar>) -> [String] {
        EventExtractor.words(of: EventExtractor.fold(token))
    }

    /// The last punctuation mark of a token that matters for clauses.
    static func punctuation(_ token: ArraySlice<Unicode.Scalar>) -> Unicode.Scalar? {
        for s in token.reversed() {
            if s == "," || s == ";" || s == ":" || s == ")" || s == "(" { return s }
            // ASCII's letters and numbers are its letters and digits (no Unicode property look-up for them).
            if s.value < 0x80 {
                if (0x61...0x7A).contains(s.value | 0x20) || (0x30...0x39).contains(s.value) { return nil }
                continue
            }
            if s.isAlphabetic || s.isNumeric { return nil }
        }
        return nil
    }

    private func breaksBefore(_ j: Int, lists: WordLists) -> Bool {
        let p = trailing[j - 1]
        if p == ";" || p == ":" { return true }
        let w = words[j]
        if lists.clauseOpeners.contains(w) { return true }
        if w == "alors" || w == "tandis", j + 1 < words.count, words[j + 1] == "que" { return true }
        // ", where", ", which", ", qui", ", ou": a relative clause after a comma.
        if p == ",", lists.relativeOpeners.contains(w) { return true }
        // ", and warplanes carried out…" is a new clause; ", and on al-Atarib" the next item of a list.
        if p == ",", w == "and" || w == "et", j + 1 < words.count, !lists.listContinuers.contains(words[j + 1]) { return true }
        return false
    }

    /// The word a code-point offset falls in: the token's first word when the offset is the token's start, else
    /// its last ("d’Idleb": the name starts inside the token, at its last word).
    func word(at offset: Int) -> Int? {
        guard let first = spans.firstIndex(where: { $0.contains(offset) || $0.lowerBound >= offset }) else { return nil }
        if spans[first].lowerBound >= offset { return first }
        var last = first
        while last + 1 < spans.count, spans[last + 1] == spans[first] { last += 1 }
        return last
    }

    /// The words of clause `k`.
    func range(ofClause k: Int) -> Range<Int> {
        guard let a = clause.firstIndex(of: k) else { return 0..<0 }
        var b = a
        while b < clause.count, clause[b] == k { b += 1 }
        return a..<b
    }

    /// The text of words `r` as written (their tokens), trimmed of punctuation at both ends.
    func text(_ r: Range<Int>, in scalars: [Unicode.Scalar]) -> String {
        guard !r.isEmpty else { return "" }
        var a = spans[r.lowerBound].lowerBound, b = spans[r.upperBound - 1].upperBound
        while a < b, !(scalars[a].isAlphabetic || scalars[a].isNumeric) { a += 1 }
        while b > a, !(scalars[b - 1].isAlphabetic || scalars[b - 1].isNumeric) { b -= 1 }
        return String(scalars: scalars[a..<b])
    }
}
