/// Indented JSON written straight from compact JSON text: the bytes `JSONBytes.appendValue(_:to:indent:)`
/// writes for the value the text holds, without building the value (a tree of every number of every area
/// outline cost more than the extraction of a small report). Strings without an escape are copied as they
/// are (the writer escapes only what they lack); strings with one, and every number, are read and written
/// again as the value's writer writes them. Nil for text that is not one JSON value.
public enum JSONIndenter {
    public static func indented(_ compact: [UInt8], depth: Int = 0, to out: inout OutputBuffer) -> Bool {
        compact.withUnsafeBufferPointer { b in
            var reader = Reader(b: b)
            reader.skipSpace()
            guard reader.value(depth: depth, to: &out) else { return false }
            reader.skipSpace()
            return reader.i == b.count
        }
    }

    private struct Reader {
        let b: UnsafeBufferPointer<UInt8>
        var i = 0

        mutating func skipSpace() {
            while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
        }

        mutating func value(depth: Int, to out: inout OutputBuffer) -> Bool {
            guard i < b.count else { return false }
            switch b[i] {
            case 0x7B: return object(depth: depth, to: &out)
            case 0x5B: return array(depth: depth, to: &out)
            case 0x22: return string(to: &out)
            case 0x74: return literal("true", to: &out)
            case 0x66: return literal("false", to: &out)
            case 0x6E: return literal("null", to: &out)
            default: return number(to: &out)
            }
        }

        mutating func literal(_ word: StaticString, to out: inout OutputBuffer) -> Bool {
            let n = word.utf8CodeUnitCount
            guard i + n <= b.count else { return false }
            for k in 0..<n where b[i + k] != word.utf8Start[k] { return false }
            out.append(word)
            i += n
            return true
        }

        mutating func number(to out: inout OutputBuffer) -> Bool {
            let start = i
            while i < b.count, JSONBytes.isNumberByte(b[i]) { i += 1 }
            guard i > start, let v = Double(String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)), v.isFinite else { return false }
            JSONBytes.appendNumber(v, to: &out)
            return true
        }

        mutating func string(to out: inout OutputBuffer) -> Bool {
            let start = i
            i += 1
            var escaped = false
            while i < b.count, b[i] != 0x22 {
                if b[i] == 0x5C { escaped = true; i += 1 }
                i += 1
            }
            guard i < b.count else { return false }
            i += 1
            let token = UnsafeBufferPointer(rebasing: b[start..<i])
            guard escaped else { out.append(UnsafeRawBufferPointer(token)); return true }
            guard case .string(let s)? = try? JSONReader.parse(Array(token)) else { return false }
            JSONBytes.appendString(s, to: &out)
            return true
        }

        mutating func object(depth: Int, to out: inout OutputBuffer) -> Bool {
            i += 1
            skipSpace()
            if i < b.count, b[i] == 0x7D { i += 1; out.append(contentsOf: "{}"); return true }
            out.append(0x7B)
            while true {
                Self.newline(depth + 1, to: &out)
                skipSpace()
                guard i < b.count, b[i] == 0x22, string(to: &out) else { return false }
                skipSpace()
                guard i < b.count, b[i] == 0x3A else { return false }
                i += 1
                out.append(0x3A)
                out.append(0x20)
                skipSpace()
                guard value(depth: depth + 1, to: &out), let closed = next(closing: 0x7D, to: &out) else { return false }
                guard closed else { continue }
                Self.newline(depth, to: &out)
                out.append(0x7D)
                return true
            }
        }

        /// After an item: a comma (written; false) or the closing bracket (read; true); nil for anything else.
        mutating func next(closing: UInt8, to out: inout OutputBuffer) -> Bool? {
            skipSpace()
            guard i < b.count else { return nil }
            if b[i] == 0x2C { i += 1; out.append(0x2C); return false }
            guard b[i] == closing else { return nil }
            i += 1
            return true
        }

        mutating func array(depth: Int, to out: inout OutputBuffer) -> Bool {
            i += 1
            skipSpace()
            if i < b.count, b[i] == 0x5D { i += 1; out.append(contentsOf: "[]"); return true }
            // Numbers only (a position, a box): on one line, as the value's writer puts them.
            var j = i
            while j < b.count, JSONBytes.isNumberByte(b[j]) || b[j] == 0x2C || b[j] == 0x20 || b[j] == 0x0A || b[j] == 0x0D || b[j] == 0x09 { j += 1 }
            let inline = j < b.count && b[j] == 0x5D
            out.append(0x5B)
            while true {
                if !inline { Self.newline(depth + 1, to: &out) }
                skipSpace()
                guard value(depth: depth + 1, to: &out), let closed = next(closing: 0x5D, to: &out) else { return false }
                guard closed else { continue }
                if !inline { Self.newline(depth, to: &out) }
                out.append(0x5D)
                return true
            }
        }

        static func newline(_ depth: Int, to out: inout OutputBuffer) {
            out.append(0x0A)
            for _ in 0..<depth { out.append(0x20); out.append(0x20) }
        }
    }
}
