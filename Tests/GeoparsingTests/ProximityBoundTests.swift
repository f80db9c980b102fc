import Foundation
import Testing
import GeoCore
import Places
@testable import Geoparsing
import TestSupport

/// The disambiguation leaves out the distances of readings proximity cannot lift high enough to matter: in the
/// first pass those that cannot be chosen (and a whole mention when one reading wins whatever proximity
/// gives), in the last those that cannot be written as choice or runner-up. Checked here against scoring every
/// reading, with proximity boosts as `score` computes them, on random readings with many ties.
@Suite struct ProximityBoundTests {
    /// Random fixed contexts: scores on a 0.05 grid (ties, and gaps of exactly the most proximity adds) or
    /// anywhere; settlements or not.
    static func readings(_ rng: inout SplitMix64) -> [Geoparser.FixedContext] {
        let n = Int(rng.uniform(1, 13))
        let grid = rng.uniform(0, 1) < 0.6
        return (0..<n).map { _ in
            let score = grid ? (rng.uniform(10, 40).rounded(.down)) * 0.05 : rng.uniform(0.5, 2)
            return Geoparser.FixedContext(score: score, level: .exact, governorate: nil, settlement: rng.uniform(0, 1) < 0.7,
                                          coordinate: Coordinate(longitude: 36, latitude: 35))
        }
    }

    /// A reading's score with proximity at `kilometers` (nil: no settlement near), as `score` computes it.
    static func adjusted(_ f: Geoparser.FixedContext, kilometers: Double?) -> Double {
        guard f.settlement, let d = kilometers else { return f.score }
        return f.score + Geoparser.proximityBoost * exp(-d / 30)
    }

    static func kilometers(_ rng: inout SplitMix64) -> Double? {
        switch Int(rng.uniform(0, 5)) {
        case 0: return nil
        case 1: return 0
        default: return rng.uniform(0, 200)
        }
    }

    static func choice(_ adjusted: [Double]) -> Int { adjusted.indices.max { adjusted[$0] < adjusted[$1] }! }

    @Test func theFirstPassChoosesAsWithEveryDistance() {
        var rng = SplitMix64(seed: 11)
        var led = 0, pruned = 0, total = 0
        for round in 0..<20_000 {
            let fixed = Self.readings(&rng)
            let best = fixed.map(\.score).max()!
            let km = fixed.map { _ in Self.kilometers(&rng) }
            let full = zip(fixed, km).map { Self.adjusted($0, kilometers: $1) }
            if let lead = Geoparser.leader(fixed, best: best) {
                led += 1
                #expect(lead == Self.choice(full), "round \(round): \(fixed.map(\.score)) \(km)")
            }
            // The readings left unscored keep their fixed score.
            let bounded = fixed.indices.map { j in Geoparser.mayReach(fixed[j], best) ? full[j] : fixed[j].score }
            pruned += fixed.indices.filter { !Geoparser.mayReach(fixed[$0], best) && fixed[$0].settlement }.count
            total += fixed.count
            #expect(Self.choice(bounded) == Self.choice(full), "round \(round): \(fixed.map(\.score)) \(km)")
        }
        // Both shortcuts were taken often enough to be tested.
        #expect(led > 2_000 && pruned > total / 10, "led \(led), pruned \(pruned) of \(total)")
    }

    @Test func theLastPassWritesTheSameChoiceScoreAndRunnerUp() {
        var rng = SplitMix64(seed: 12)
        var runners = 0, pruned = 0
        for round in 0..<20_000 {
            let fixed = Self.readings(&rng)
            let floor = fixed.map(\.score).max()! - Geoparser.exactBelowTop
            let km = fixed.map { _ in Self.kilometers(&rng) }
            let full = zip(fixed, km).map { Self.adjusted($0, kilometers: $1) }
            let bounded = fixed.indices.map { j in Geoparser.mayReach(fixed[j], floor) ? full[j] : fixed[j].score }
            pruned += fixed.indices.filter { !Geoparser.mayReach(fixed[$0], floor) && fixed[$0].settlement }.count
            // Some readings are one place under two names.
            let place = fixed.indices.map { _ in Int(rng.uniform(0, 8)) }
            let choice = Self.choice(full)
            #expect(Self.choice(bounded) == choice)
            #expect(bounded[choice] == full[choice])
            let same = { (j: Int) in place[j] == place[choice] }
            let runner = Geoparser.runnerUp(full, choice: choice, samePlace: same)
            if runner != nil { runners += 1 }
            #expect(Geoparser.runnerUp(bounded, choice: choice, samePlace: same) == runner, "round \(round): \(fixed.map(\.score)) \(km)")
            if let r = runner { #expect(bounded[r] == full[r]) }
        }
        #expect(runners > 2_000 && pruned > 2_000, "runners \(runners), pruned \(pruned)")
    }
}
