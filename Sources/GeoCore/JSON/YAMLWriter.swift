import Foundation

/// Writes a `JSONValue` as block-style YAML 1.2 (every JSON document is YAML; this is the readable form).
/// Strings are double-quoted whenever plain scalars could be misread (numbers, booleans, colons, …).
public enum YAMLWriter {
    public static func string(_ value: JSONValue) -> String {
        var out = ""
        write(value, indent: 0, into: &out, inline: false)
        return out.hasSuffix("\n") ? String(out.dropLast()) : out
    }

    static func write(_ v: JSONValue, indent: Int, into out: inout String, inline: Bool) {
        let pad = String(repeating: "  ", count: indent)
        switch v {
        case .array(let items):
            if items.isEmpty { out += "[]\n"; return }
            if items.allSatisfy({ if case .number = $0 { return true }; return false }) {
                out += "[" + items.map { JSONWriter.string($0) }.joined(separator: ", ") + "]\n"
                return
            }
            if inline { out += "\n" }
            for item in items {
                out += pad + "- "
                switch item {
                case .object(let o) where !o.isEmpty:
                    var first = true
                    for (k, x) in o {
                        if !first { out += pad + "  " }
                        first = false
                        out += key(k) + ":"
                        writeValue(x, indent: indent + 2, into: &out)
                    }
                default: write(item, indent: indent + 1, into: &out, inline: false)
                }
            }
        case .object(let o):
            if o.isEmpty { out += "{}\n"; return }
            if inline { out += "\n" }
            for (k, x) in o {
                out += pad + key(k) + ":"
                writeValue(x, indent: indent + 1, into: &out)
            }
        default:
            out += scalar(v) + "\n"
        }
    }

    static func writeValue(_ x: JSONValue, indent: Int, into out: inout String) {
        switch x {
        case .object(let o) where !o.isEmpty: write(x, indent: indent, into: &out, inline: true)
        case .array(let a) where !a.isEmpty && !a.allSatisfy({ if case .number = $0 { return true }; return false }):
            write(x, indent: indent, into: &out, inline: true)
        default:
            out += " "
            write(x, indent: indent, into: &out, inline: false)
        }
    }

    static func key(_ k: String) -> String { needsQuotes(k) ? JSONWriter.string(.string(k)) : k }

    static func scalar(_ v: JSONValue) -> String {
        if case .string(let s) = v { return needsQuotes(s) ? JSONWriter.string(v) : s }
        return JSONWriter.string(v)
    }

    static func needsQuotes(_ s: String) -> Bool {
        if s.isEmpty || Double(s) != nil { return true }
        if ["true", "false", "null", "yes", "no", "on", "off", "~"].contains(s.lowercased()) { return true }
        if let f = s.first, "-?:,[]{}#&*!|>'\"%@` ".contains(f) { return true }
        if s.last == " " || s.contains(": ") || s.contains(" #") || s.contains("\n") || s.contains("\t") { return true }
        return false
    }
}
