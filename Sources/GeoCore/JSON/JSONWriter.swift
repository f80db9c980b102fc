import Foundation

/// Writes JSON text with object keys in their stored order and numbers without needless digits.
public enum JSONWriter {
    /// Compact (one line) or indented text of `value`.
    public static func string(_ value: JSONValue, pretty: Bool = false) -> String {
        var out = ""
        write(value, into: &out, indent: pretty ? 0 : nil)
        return out
    }

    public static func write(_ value: JSONValue, into out: inout String, indent: Int?) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += numberText(n)
        case .string(let s): writeString(s, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            // Arrays of numbers (positions) stay on one line even when pretty.
            let inline = indent == nil || items.allSatisfy { if case .number = $0 { return true }; return false }
            out += "["
            for (k, item) in items.enumerated() {
                if k > 0 { out += inline ? "," : ",\n" }
                if !inline, let d = indent { out += k == 0 ? "\n" + pad(d + 1) : pad(d + 1) }
                write(item, into: &out, indent: indent.map { $0 + 1 })
            }
            if !inline, let d = indent { out += "\n" + pad(d) }
            out += "]"
        case .object(let obj):
            if obj.isEmpty { out += "{}"; return }
            out += "{"
            var first = true
            for (k, v) in obj {
                if !first { out += "," }
                if let d = indent { out += "\n" + pad(d + 1) }
                first = false
                writeString(k, into: &out)
                out += indent == nil ? ":" : ": "
                write(v, into: &out, indent: indent.map { $0 + 1 })
            }
            if let d = indent { out += "\n" + pad(d) }
            out += "}"
        }
    }

    private static func pad(_ depth: Int) -> String { String(repeating: "  ", count: depth) }

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

    static func writeString(_ s: String, into out: inout String) {
        out += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where u.value < 0x20:
                out += "\\u" + String(format: "%04x", u.value)
            default: out.unicodeScalars.append(u)
            }
        }
        out += "\""
    }
}
