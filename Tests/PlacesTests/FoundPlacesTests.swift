import Testing
import TestSupport
@testable import Places

/// The ranking's table of places found answers as the dictionary it replaced: the best level per place (the
/// first key of a fuzzy match kept only with a strictly better level), through growth past thousands of places.
@Suite struct FoundPlacesTests {
    @Test func answersAsADictionaryOfBestLevels() {
        var rng = SplitMix64(seed: 2412)
        let levels: [MatchLevel] = [.exact, .alias, .alternate, .key, .fuzzy]
        for round in 0..<200 {
            var found = FoundPlaces()
            var reference: [Int: (MatchLevel, String?)] = [:]
            // Few places asked many times, or many places (every 10th round: growth to thousands of slots).
            let span = round % 10 == 0 ? 5_000_000 : 40
            let asks = round % 10 == 0 ? 6_000 : 60
            for k in 0..<asks {
                let place = Int(rng.uniform(0, Double(span)))
                let level = levels[Int(rng.uniform(0, 4.999))]
                let via: String? = level == .fuzzy ? "k\(k)" : nil
                found.add(place, level, via: via)
                if let old = reference[place], old.0 <= level { continue }
                reference[place] = (level, via)
                #expect(found.level(of: place) == reference[place]?.0)
            }
            #expect(found.entries.count == reference.count)
            for e in found.entries { #expect(reference[e.place].map { $0.0 == e.level && $0.1 == e.via } == true, "\(e)") }
            #expect(found.level(of: span + 1) == nil && found.isEmpty == reference.isEmpty)
        }
    }
}
