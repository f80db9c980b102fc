import GeoCore
import Places

/// Names of organisations and media that hold a place name ("Raqqa is Being Slaughtered Silently", "l'Etat
/// islamique en Irak et au Levant"): their words are never a place mention. The geoparser knows none of its
/// own; the layer that reads events hands over the multi-word names of its actors lexicon.
public struct OrganisationNames: Sendable {
    /// Names as folded words, by their first word.
    let byFirstWord: WordTable<[[String]]>

    /// `names` as written; those of one word are left out (a single word is a place's name as often as not).
    public init(_ names: [String]) {
        var phrases: [String: [[String]]] = [:]
        for name in names {
            let words = NameFolding.fold(name).split(separator: " ").map(String.init)
            guard words.count >= 2 else { continue }
            phrases[words[0], default: []].append(words)
        }
        byFirstWord = WordTable(phrases.map { ($0.key, $0.value.sorted { $0.count > $1.count }) })
    }

    public static let none = OrganisationNames([])

    /// Indexes of the tokens inside some name, the longest name at each position taken.
    func tokensInside(_ tokens: [Token]) -> Set<Int> {
        var out: Set<Int> = []
        var i = 0
        while i < tokens.count {
            defer { i += 1 }
            guard let phrases = byFirstWord[tokens[i].folded] else { continue }
            for words in phrases where i + words.count <= tokens.count {
                guard tokens[i + words.count - 1].line == tokens[i].line,
                      words.indices.allSatisfy({ tokens[i + $0].folded == words[$0] }) else { continue }
                out.formUnion(i..<(i + words.count))
                i += words.count - 1
                break
            }
        }
        return out
    }
}
