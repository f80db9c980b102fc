import GeoCore
import Places

/// Names given as a city's neighbourhoods lie in that city: with a city or town read in the same sentence
/// ("the neighbourhoods of Masaken Hanano and al-Haidariya in eastern Aleppo", "the Damascus neighbourhoods
/// of Bab Touma and al-Midan"; else the city named last before), only readings within `neighbourhoodReach` of
/// it stand; a name with none is left out rather than read as a village of that name elsewhere.
extension Geoparser {
    /// How far from the city's point a neighbourhood may lie (the largest Syrian cities reach about 10 km).
    static let neighbourhoodReach = 15.0

    /// Restricts the readings of neighbourhood names; returns the candidates to drop.
    func placeNeighbourhoods(_ cs: inout [Candidate], tokens: [Token]) -> Set<Int> {
        guard cs.contains(where: \.isNeighbourhood) else { return [] }
        let index = gazetteer.index
        var sentence = [Int](repeating: 0, count: tokens.count)
        var n = 0
        for k in tokens.indices {
            if k > 0, tokens[k].sentenceStart { n += 1 }
            sentence[k] = n
        }
        var dropped: Set<Int> = []
        // Once for all: the loop changes only neighbourhoods' readings, and a neighbourhood is no city.
        let isCity = cityReadings(cs)
        for k in cs.indices where cs[k].isNeighbourhood {
            var cities = cs.indices.filter { j in j != k && sentence[cs[j].first] == sentence[cs[k].first] && isCity[j] }
            // No city in the sentence ("les quartiers rebelles de Tariq al-Bab"): the one named last before it.
            if cities.isEmpty, let last = cs.indices.last(where: { $0 < k && isCity[$0] }) { cities = [last] }
            guard !cities.isEmpty else { continue }
            var best: (reading: Int, city: Int, kilometers: Double)?
            for r in cs[k].ranked.indices {
                let p = cs[k].ranked[r].place
                for j in cities {
                    let d = distance(p, index.coordinate(p), index.coordinate(cs[j].ranked[cs[j].choice].place)).kilometers
                    guard d <= Self.neighbourhoodReach, best.map({ cs[k].adjusted[r] > cs[k].adjusted[$0.reading] }) ?? true else { continue }
                    best = (r, j, d)
                }
            }
            guard let best else { dropped.insert(k); continue }
            cs[k].choice = best.reading
            cs[k].reasons = [Self.levelReason(cs[k].ranked[best.reading].level),
                             "proximity: \(Int(best.kilometers.rounded())) km from \(cs[best.city].text), the city the sentence names"]
        }
        return dropped
    }

    /// Whether each candidate reads as a city or town (and is not itself named as a neighbourhood).
    private func cityReadings(_ cs: [Candidate]) -> [Bool] {
        let index = gazetteer.index
        return cs.indices.map { k in
            guard !cs[k].isNeighbourhood else { return false }
            let kind = index.kind(cs[k].ranked[cs[k].choice].place)
            return kind == .city || kind == .town
        }
    }
}
