/// JSON written straight into a byte buffer, for layers of millions of features where building `JSONValue`
/// trees and Swift strings first would cost more than the writing itself. The text is the same
/// `JSONWriter` gives: escaped strings, integers without a fraction, no exponents.
public enum JSONBytes {
    private static let hex: StaticString = "0123456789abcdef"

    /// A JSON string: quotes, backslashes and control characters escaped, everything else copied as UTF-8.
    public static func appendString(_ s: String, to out: inout OutputBuffer) {
        out.append(0x22)
        if s.utf8.withContiguousStorageIfAvailable({ appendEscaped($0, to: &out) }) == nil {
            var copy = s   // bridged or foreign storage: make it native UTF-8 first
            copy.withUTF8 { appendEscaped($0, to: &out) }
        }
        out.append(0x22)
    }

    private static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout OutputBuffer) {
        var runStart = 0
        for i in 0..<bytes.count {
            let b = bytes[i]
            guard b < 0x20 || b == 0x22 || b == 0x5C else { continue }
            if runStart < i { out.append(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[runStart..<i]))) }
            runStart = i + 1
            out.append(0x5C)
            switch b {
            case 0x22: out.append(0x22)
            case 0x5C: out.append(0x5C)
            case 0x0A: out.append(0x6E)
            case 0x0D: out.append(0x72)
            case 0x09: out.append(0x74)
            default:
                out.append("u00")
                hex.withUTF8Buffer { h in
                    out.append(h[Int(b >> 4)])
                    out.append(h[Int(b & 0xF)])
                }
            }
        }
        if runStart < bytes.count { out.append(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[runStart...]))) }
    }

    public static func appendInteger(_ value: Int, to out: inout OutputBuffer) {
        out.appendUnchecked(maximum: 21) { p in
            var n = 0
            if value < 0 { p[0] = 0x2D; n = 1 }
            var magnitude = value.magnitude
            var digits = 0
            var probe = magnitude
            repeat { digits += 1; probe /= 10 } while probe > 0
            var k = n + digits - 1
            repeat {
                p[k] = 0x30 + UInt8(magnitude % 10)
                magnitude /= 10
                k -= 1
            } while magnitude > 0
            return n + digits
        }
    }

    private static let powersOfTen: [Int64] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000]

    /// `value` rounded half away from zero to at most `maxDecimals` places (0...8), trailing zeros dropped:
    /// the text of `roundTo(value, decimals:)` through `JSONWriter.numberText`.
    public static func appendDecimal(_ value: Double, maxDecimals: Int, to out: inout OutputBuffer) {
        precondition((0...8).contains(maxDecimals))
        let divisor = powersOfTen[maxDecimals]
        let scaled = (value * Double(divisor)).rounded(.toNearestOrAwayFromZero)
        guard value.isFinite, abs(scaled) < 9e15 else {
            appendNumber(value, to: &out)
            return
        }
        var units = Int64(scaled)
        if units == 0 { out.append(0x30); return }
        if units < 0 { out.append(0x2D); units = -units }
        appendInteger(Int(units / divisor), to: &out)
        var fraction = units % divisor
        guard fraction != 0 else { return }
        var places = maxDecimals
        while fraction % 10 == 0 { fraction /= 10; places -= 1 }
        out.appendUnchecked(maximum: 9) { p in
            p[0] = 0x2E
            for k in stride(from: places, through: 1, by: -1) {
                p[k] = 0x30 + UInt8(fraction % 10)
                fraction /= 10
            }
            return places + 1
        }
    }

    /// `null` for nil, else what `write` writes of the value.
    public static func appendOptional<T>(_ value: T?, to out: inout OutputBuffer, _ write: (T, inout OutputBuffer) -> Void) {
        if let value { write(value, &out) } else { out.append(contentsOf: "null") }
    }

    /// Any number as `JSONWriter` writes it.
    /// Whether a byte may be part of a JSON number's text (digits, sign, point, exponent).
    static func isNumberByte(_ c: UInt8) -> Bool {
        (0x30...0x39).contains(c) || c == 0x2D || c == 0x2B || c == 0x2E || c == 0x65 || c == 0x45
    }

    public static func appendNumber(_ value: Double, to out: inout OutputBuffer) {
        if value == value.rounded(), abs(value) < 1e15 { appendInteger(Int(value), to: &out); return }
        // Coordinates and scores already rounded to six places: the shortest text is those six places, and
        // it is written without formatting a Double.
        if abs(value) < 1e9, Double(Int64((value * 1e6).rounded(.toNearestOrAwayFromZero))) / 1e6 == value {
            appendDecimal(value, maxDecimals: 6, to: &out)
            return
        }
        out.append(contentsOf: JSONWriter.numberText(value))
    }

    /// Any JSON value as `JSONWriter.string(_:pretty:)` writes it: compact when `indent` is nil, else
    /// indented by two spaces per level from `indent` (arrays of numbers stay on one line).
    public static func appendValue(_ value: JSONValue, to out: inout OutputBuffer, indent: Int? = nil) {
        switch value {
        case .null: out.append(contentsOf: "null")
        case .bool(let b): out.append(contentsOf: b ? "true" : "false")
        case .number(let n): appendNumber(n, to: &out)
        case .string(let s): appendString(s, to: &out)
        case .array(let items):
            if items.isEmpty { out.append(contentsOf: "[]"); return }
            let inline = indent == nil || items.allSatisfy { if case .number = $0 { return true }; return false }
            out.append(0x5B)
            for (k, item) in items.enumerated() {
                if k > 0 { out.append(0x2C) }
                if !inline, let d = indent { newline(d + 1, to: &out) }
                appendValue(item, to: &out, indent: indent.map { $0 + 1 })
            }
            if !inline, let d = indent { newline(d, to: &out) }
            out.append(0x5D)
        case .object(let obj):
            if obj.isEmpty { out.append(contentsOf: "{}"); return }
            out.append(0x7B)
            var first = true
            for (k, v) in obj {
                if !first { out.append(0x2C) }
                if let d = indent { newline(d + 1, to: &out) }
                first = false
                appendString(k, to: &out)
                out.append(0x3A)
                if indent != nil { out.append(0x20) }
                appendValue(v, to: &out, indent: indent.map { $0 + 1 })
            }
            if let d = indent { newline(d, to: &out) }
            out.append(0x7D)
        }
    }

    private static func newline(_ depth: Int, to out: inout OutputBuffer) {
        out.append(0x0A)
        for _ in 0..<depth { out.append(0x20); out.append(0x20) }
    }
}
