/// Text made safe for SVG (XML): every `&`, `<`, `>`, quote and apostrophe escaped, control characters
/// that XML 1.0 forbids dropped. Everything a user or a report supplies goes through here.
public enum SVGText {
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(" ")
            case _ where u.value < 0x20 || (0xFFFE...0xFFFF).contains(u.value): continue
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// A number for an SVG attribute: at most two decimals, no exponent.
    public static func number(_ v: Double) -> String {
        let r = (v * 100).rounded() / 100
        if r == r.rounded(), abs(r) < 1e12 { return String(Int64(r)) }
        var s = String(format: "%.2f", r)
        while s.hasSuffix("0") { s.removeLast() }
        return s == "-0" ? "0" : s
    }
}
