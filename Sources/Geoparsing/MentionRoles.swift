import Foundation
import GeoCore
import Places

/// What a place mention stands for in its sentence.
public enum MentionRole: String, Sendable, CaseIterable {
    /// A place where something is or happens.
    case place
    /// The place stands for a government or its people: "the regime in Damascus", "Ankara said", "le régime de
    /// Damas". Kept as a mention, never a place of events or control.
    case metonym
    /// A person's home town: "a man from the village of X", "originaire de X". Kept, never where the event was.
    case origin
}

/// The words around a name that give it a role other than `place`, read from `Lexicon/mention_roles.csv`
/// (`role,position,words,places`: folded words; `before` phrases end right before the name, possibly followed
/// by "the village of", "la ville de"…; `after` phrases follow it; `places` is `any`, or `capital` for cues that
/// make only a country or a capital a metonym: "Ankara said", but "Idlib said" is no usage).
struct MentionRoles: Sendable {
    struct Cue { let words: [String]; let role: MentionRole; let capitalsOnly: Bool }
    /// Words that may stand between a `before` phrase and the name ("from the village of X").
    static let between: WordSet = ["the", "a", "of", "de", "d", "du", "des", "la", "le", "les", "l", "al"]

    static let standard: MentionRoles = {
        do { return try MentionRoles(bundle: .module) } catch {
            preconditionFailure("geomap's mention role list is missing or broken: \(error)")
        }
    }()

    struct LoadError: Error, CustomStringConvertible { let description: String }

    init(bundle: Bundle) throws {
        guard let url = bundle.url(forResource: "mention_roles", withExtension: "csv", subdirectory: "Lexicon") else {
            throw LoadError(description: "Lexicon/mention_roles.csv is not in the bundle")
        }
        var it = CSVReader(text: try String(contentsOf: url, encoding: .utf8)).makeIterator()
        let header = CSVHeader(it.next()?.fields ?? [])
        var before: [Cue] = [], after: [Cue] = []
        while let r = it.next() {
            guard let role = header.value("role", in: r).flatMap(MentionRole.init(rawValue:)), role != .place else {
                throw LoadError(description: "mention_roles.csv line \(r.line): role is 'metonym' or 'origin'")
            }
            let words = NameFolding.fold(header.value("words", in: r) ?? "").split(separator: " ").map(String.init)
            guard !words.isEmpty else { throw LoadError(description: "mention_roles.csv line \(r.line): no words") }
            let cue = Cue(words: words, role: role, capitalsOnly: header.value("places", in: r) == "capital")
            switch header.value("position", in: r) {
            case "before": before.append(cue)
            case "after": after.append(cue)
            default: throw LoadError(description: "mention_roles.csv line \(r.line): position is 'before' or 'after'")
            }
        }
        // The check skips words allowed between ("habitants de X"): a cue's last other word is what it sees.
        beforeEnds = WordSet(before.compactMap { $0.words.last { !Self.between.contains($0) } })
        afterStarts = WordSet(after.compactMap(\.words.first))
        // Longest first within each word's cues (grouping keeps the order).
        let longestFirst: ([Cue]) -> [Cue] = { $0.sorted { $0.words.count > $1.words.count } }
        beforeByLast = WordTable.grouping(longestFirst(before)) { $0.words.last! }
        afterByFirst = WordTable.grouping(longestFirst(after)) { $0.words.first! }
    }

    /// Last words of the `before` cues and first words of the `after` cues: most names have neither beside them.
    let beforeEnds: WordSet
    let afterStarts: WordSet
    /// The `before` cues by the word they end with, the `after` cues by the word they start with, longest first:
    /// only those can match where that word stands.
    let beforeByLast: WordTable<[Cue]>
    let afterByFirst: WordTable<[Cue]>

    /// The role of the name on tokens `first...last`, read as `place`.
    func role(first: Int, last: Int, tokens: [Token], place: Place) -> MentionRole {
        role(first: first, last: last, tokens: tokens, isCapital: place.kind == .country || place.featureCode == "PPLC")
    }

    /// The role of the name on tokens `first...last`; `isCapital` says whether cues for capitals apply (true before
    /// the name is read: a name that may stand for a government casts no vote for the document's country).
    func role(first: Int, last: Int, tokens: [Token], isCapital: Bool) -> MentionRole {
        let line = tokens[first].line
        // The nearest word before the name that is not one of the words allowed between, and the word after it.
        var p = first - 1
        while p >= 0, tokens[p].line == line, Self.between.contains(tokens[p].folded) || Cues.settlementWords.contains(tokens[p].folded)
            || Cues.regionWords.contains(tokens[p].folded) { p -= 1 }
        let elided = tokens[first].elision.map { beforeEnds.contains($0) } ?? false
        let maybeBefore = elided || (p >= 0 && tokens[p].line == line && beforeEnds.contains(tokens[p].folded))
        let maybeAfter = last + 1 < tokens.count && tokens[last + 1].line == line && afterStarts.contains(tokens[last + 1].folded)
        guard maybeBefore || maybeAfter else { return .place }
        var lo = first
        while lo > 0, first - lo < 8, tokens[lo - 1].line == line { lo -= 1 }
        var words = tokens[lo..<first].map(\.folded)[...]
        if let e = tokens[first].elision { words.append(e) }
        while true {
            for c in words.last.flatMap({ beforeByLast[$0] }) ?? [] where (!c.capitalsOnly || isCapital) && words.count >= c.words.count
                && words.suffix(c.words.count).elementsEqual(c.words) {
                return c.role
            }
            guard let w = words.last, Self.between.contains(w) || Cues.settlementWords.contains(w) || Cues.regionWords.contains(w)
            else { break }
            words = words.dropLast()
        }
        var hi = last + 1
        while hi < tokens.count, hi - last <= 3, tokens[hi].line == line { hi += 1 }
        let next = tokens[(last + 1)..<hi].map(\.folded)[...]
        for c in next.first.flatMap({ afterByFirst[$0] }) ?? [] where (!c.capitalsOnly || isCapital) && next.count >= c.words.count
            && next.prefix(c.words.count).elementsEqual(c.words) {
            return c.role
        }
        return .place
    }
}
