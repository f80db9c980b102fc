/// A number as people and data files write it: optional sign (`-`, `+`, or the Unicode minus U+2212), digits,
/// an optional decimal part and exponent (`35.95283`, `-0.5`, `1e3`). Swift's `Double(String)` also takes
/// hexadecimal (`0x22` = 34), `inf` and `nan`: none of them is a coordinate or a distance.
public enum DecimalNumber {
    public static func parse<S: StringProtocol>(_ text: S) -> Double? {
        var s = Substring(text)
        var negative = false
        if s.hasPrefix("\u{2212}") { negative = true; s = s.dropFirst() }
        else if s.hasPrefix("-") { negative = true; s = s.dropFirst() }
        else if s.hasPrefix("+") { s = s.dropFirst() }
        var digits = 0, sawDot = false, sawExponent = false, exponentDigits = 0
        var previous: Character = " "
        for c in s {
            switch c {
            case "0"..."9":
                if sawExponent { exponentDigits += 1 } else { digits += 1 }
            case ".":
                guard !sawDot, !sawExponent else { return nil }
                sawDot = true
            case "e", "E":
                guard !sawExponent, digits > 0 else { return nil }
                sawExponent = true
            case "+", "-":
                guard previous == "e" || previous == "E" else { return nil }
            default:
                return nil
            }
            previous = c
        }
        guard digits > 0, !sawExponent || exponentDigits > 0, let v = Double(String(s)), v.isFinite else { return nil }
        return negative ? -v : v
    }

    /// The text with the Unicode minus written as `-`, for messages that echo what was read.
    public static func plainMinus(_ text: String) -> String { text.replacingOccurrences(of: "\u{2212}", with: "-") }
}
