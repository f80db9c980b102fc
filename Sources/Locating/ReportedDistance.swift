import Foundation

/// How far the straight-line distance may lie from a distance as a report writes it. Reporters round (20, 30,
/// 100), give road distances, hedge ("some", "environ", "une vingtaine") and bound ("nearly 300 km", "près de
/// 40 km"); a band of ± half the last digit holds few of their places. The bands (fractions of the value):
///
/// | written                                  | examples            | band                                   |
/// |------------------------------------------|---------------------|----------------------------------------|
/// | not a multiple of 5                      | 7, 22, 37, 142      | ± 15 %                                 |
/// | a multiple of 5, not of 10               | 15, 25, 65          | ± 20 %                                 |
/// | a multiple of 10                         | 20, 30, 80, 300     | ± 30 %                                 |
/// | hedged (about, some, environ, une …aine) | "some 20 km"        | the band + 10 points                   |
/// | an upper bound (nearly, almost, près de, less than, under, moins de) | "nearly 300 km" | value × (1 − band − 10 points) … value × 1.05 |
/// | a lower bound (over, more than, plus de) | "more than 30 km"   | value … value × (1 + band + 20 points) |
/// | a range                                  | "20 to 30 km"       | low × 0.85 … high × 1.15               |
/// | any                                      |                     | at least ± 1 km (± half the value below 2 km) |
///
/// Set on measurements: the dev corpus's 31 distance+direction expressions (straight-line distance / stated:
/// 0.80–1.09; hedged round numbers the widest), the real cases (20 → 26 km, 100 → 88 km, nearly
/// 300 → 270 km) and `scripts/calibrate_relative.py` (README, "Relative locations").
public enum ReportedDistance {
    public enum Qualifier: Sendable { case none, hedge, upperBound, lowerBound }

    /// The band of a value as written (in its own unit: "25 miles" is a multiple of 5).
    public static func band(of written: Double) -> Double {
        let whole = written.rounded()
        guard abs(written - whole) < 1e-9, whole >= 5, whole < 1e9 else { return 0.15 }
        let n = Int(whole)
        return n % 10 == 0 ? 0.30 : n % 5 == 0 ? 0.20 : 0.15
    }

    /// What a hedge word before the number says: folded words ("environ", "pres de", "more than").
    public static func qualifier(_ folded: String?) -> Qualifier {
        guard let w = folded?.trimmingCharacters(in: .whitespaces), !w.isEmpty else { return .none }
        if ["nearly", "almost", "pres de", "pres d'", "less than", "under", "moins de"].contains(w) { return .upperBound }
        if ["over", "more than", "plus de"].contains(w) { return .lowerBound }
        return .hedge
    }

    /// The interval for `value` km, written as `written` in its unit.
    public static func interval(value: Double, written: Double, qualifier: Qualifier) -> (low: Double, high: Double) {
        var band = band(of: written)
        if qualifier == .hedge { band += 0.10 }
        var low = value * (1 - band), high = value * (1 + band)
        switch qualifier {
        case .upperBound: low = value * (1 - band - 0.10); high = value * 1.05
        case .lowerBound: low = value; high = value * (1 + band + 0.20)
        case .none, .hedge: break
        }
        let least = min(1, value / 2)
        if qualifier != .lowerBound { low = min(low, value - least) }
        if qualifier != .upperBound { high = max(high, value + least) }
        return (max(0, low), high)
    }

    /// A range as written ("20 to 30 km", "entre 20 et 30 km"), in km.
    public static func interval(from low: Double, to high: Double) -> (low: Double, high: Double) {
        (low * 0.85, high * 1.15)
    }
}
