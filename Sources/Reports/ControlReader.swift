import Foundation
import GeoCore
import Incidents
import Patterns
import Places

/// Control claims of a sentence: the status a control phrase gives the place right after it ("a repris la ville
/// de", "took control of"), or a control verb whose list reaches the place ("took A, B and C"). The phrases,
/// verbs and gates are language data (`Lexicon/control_patterns.csv`, `control_verbs.csv`, `word_lists.csv`).
final class ControlReader: Sendable {
    /// Each status's pattern, anchored at the end of the folded text before a place.
    let patterns: [(status: ControlStatus, regex: ScalarRegex)]
    /// Control verbs as words, with the status they give.
    let verbs: [(words: [String], status: ControlStatus)]
    /// The indexes in `verbs` of the verbs beginning with each word.
    let verbsByFirstWord: WordTable<[Int]>
    /// Every alternative of the patterns and every verb holds one of these stems ending a word: text whose fold
    /// holds none cannot give a claim (a place's folded prefix is a prefix of the sentence's fold, up to an
    /// elided "d"/"l" standing alone at its end). "prisonniers" or "soutien" do not pass.
    let stems: WordEndSuffixes
    /// Words without which neither a pattern nor a verb can match: the sentence gate (the gate words of the
    /// word lists and the first word of every verb).
    let gateWords: WordSet
    let listWords: WordSet
    let checkpoint: WordSet

    static let standard = ControlReader(WordLists.standard)

    init(_ lists: WordLists) {
        do {
            patterns = try lists.controlPatterns.map { ($0.status, try ScalarRegex($0.pattern)) }
        } catch {
            preconditionFailure("Lexicon: a control pattern does not compile: \(error)")
        }
        guard let stems = WordEndSuffixes(lists.controlStems) else {
            preconditionFailure("Lexicon: a control stem is not one word of the letters a…z: \(lists.controlStems)")
        }
        self.stems = stems
        let verbs = lists.controlVerbs.map { (words: $0.verb.split(separator: " ").map(String.init), status: $0.status) }
        self.verbs = verbs
        verbsByFirstWord = WordTable.grouping(Array(verbs.indices)) { verbs[$0].words[0] }
        gateWords = WordSet(Set(lists.controlGate + verbs.map { $0.words[0] }))
        listWords = lists.controlListWords
        checkpoint = lists.checkpoint
    }

    /// The folded text of a sentence before a place, as far back as `status` reads (its last 121 characters): a
    /// long sentence is folded from a space about 200 code points back. Folding goes left to right and a space
    /// leaves no state behind, so that fold ends exactly as the fold of the whole does; when it is too short to
    /// hold what is read (a run of punctuation), the whole is folded.
    static func foldedBefore(_ scalars: [Unicode.Scalar], from start: Int, to end: Int) -> String {
        func fold(_ r: Range<Int>) -> String { EventExtractor.fold(scalars[r]) }
        guard end - start > 200 else { return fold(start..<end) }
        var cut = end - 200
        while cut > start, scalars[cut - 1] != " " { cut -= 1 }
        let tail = fold(cut..<end)
        return cut == start || tail.count > 121 ? tail : fold(start..<end)
    }

    /// The verb whose last occurrence in `words` ends last (the longer verb on a tie, then the earlier), with where it ends; found
    /// from the words' first words rather than by trying every verb everywhere.
    func lastVerb(in words: [String]) -> (end: Int, status: ControlStatus)? {
        var ends = [Int?](repeating: nil, count: verbs.count)
        for i in stride(from: words.count - 1, through: 0, by: -1) {
            guard let vs = verbsByFirstWord[words[i]] else { continue }
            for k in vs where ends[k] == nil {
                if EventExtractor.phrase(verbs[k].words, at: i, in: words) { ends[k] = i + verbs[k].words.count }
            }
        }
        var best: (end: Int, length: Int, status: ControlStatus)?
        for (k, end) in ends.enumerated() {
            guard let end else { continue }
            // On a tie the longer verb wins: "pris le controle" is a capture, not the "controle" it ends with.
            let length = verbs[k].words.count
            if best == nil || end > best!.end || (end == best!.end && length > best!.length) { best = (end, length, verbs[k].status) }
        }
        return best.map { ($0.end, $0.status) }
    }

    /// The control status a folded text before a place gives (nil: none). `asciiFastPath: false` reads ASCII
    /// text by characters too (what the fast path must agree with).
    func status(_ before: String, asciiFastPath: Bool = true) -> ControlStatus? {
        // Both tests below read at most the last 120 characters and need a stem there (looked for in all of
        // `before`, which `foldedBefore` keeps short, rather than counting characters back).
        let scalars = before.unicodeScalars.map(\.value)
        guard stems.occurs(in: scalars) else { return nil }
        // Folded text is ASCII but for other scripts; there a character is a byte, and a space the byte 0x20.
        let ascii = asciiFastPath && scalars.allSatisfy { $0 < 0x80 && $0 != 0x0D }
        let tail = ascii ? Array(scalars.suffix(70)) : before.suffix(70).unicodeScalars.map(\.value)
        for (status, regex) in patterns where regex.firstMatch(in: tail) != nil { return status }
        // A list after the verb: only names, commas and "and"/"et" between the verb and this place. Words of
        // the last 120 characters, whole words only.
        var words: [String]
        if ascii {
            words = EventExtractor.words(of: String(decoding: before.utf8.suffix(120), as: UTF8.self))
            if scalars.count > 120, scalars[scalars.count - 121] != 0x20, !words.isEmpty { words.removeFirst() }
        } else {
            words = before.suffix(120).split(separator: " ").map(String.init)
            if before.count > 120, !before.dropLast(120).hasSuffix(" "), !words.isEmpty { words.removeFirst() }
        }
        guard let (end, status) = lastVerb(in: words) else { return nil }
        // "un poste de contrôle" is a checkpoint, not control.
        if end >= 3, words[end - 2] == "de", words[end - 1] == "controle", checkpoint.contains(words[end - 3]) { return nil }
        let between = words[end...]
        let capitalisedNames = between.count <= 16 && between.allSatisfy { listWords.contains($0) || $0.count > 2 }
        return capitalisedNames ? status : nil
    }

    /// Whether a control phrase ends right before the place (not a verb whose list reaches it).
    func statusRightBefore(_ before: String) -> Bool {
        let tail = Array(before.unicodeScalars.suffix(70).map(\.value))
        return patterns.contains { $0.regex.firstMatch(in: tail) != nil }
    }
}
