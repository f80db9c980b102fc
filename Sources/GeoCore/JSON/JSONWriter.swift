import Foundation

/// Writes JSON text with object keys in their stored order and numbers without needless digits.
public enum JSONWriter {
    /// Compact (one line) or indented text of `value`.
    public static func string(_ value: JSONValue, pretty: Bool = false) -> String {
        var out = OutputBuffer(capacity: 256)
        JSONBytes.appendValue(value, to: &out, indent: pretty ? 0 : nil)
        return out.text
    }

    /// Appends the text of `value` (compact when `indent` is nil, else indented from that depth).
    public static func write(_ value: JSONValue, into out: inout String, indent: Int?) {
        var bytes = OutputBuffer(capacity: 256)
        JSONBytes.appendValue(value, to: &bytes, indent: indent)
        out += bytes.text
    }

    /// Integers without a fraction, others in the shortest form that reads back the same, never exponents.
    public static func numberText(_ n: Double) -> String {
        guard n.isFinite else { return "null" }   // JSON has no NaN or infinity
        if n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
        let shortest = "\(n)"
        if !shortest.contains("e") { return shortest }
        var fixed = String(format: "%.12f", n)
        while fixed.hasSuffix("0") { fixed.removeLast() }
        if fixed.hasSuffix(".") { fixed.removeLast() }
        return fixed == "-0" ? "0" : fixed
    }
}
