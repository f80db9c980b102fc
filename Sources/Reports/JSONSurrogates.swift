/// JSON's escaped UTF-16 surrogate pairs (`"\ud83d\ude80"`, what Python's `json.dump` writes for any character
/// beyond the Basic Multilingual Plane) as the characters they encode: libyaml, which reads geomap's JSON event
/// files, refuses them. Lone surrogates are left for libyaml to refuse (they encode no character).
enum JSONSurrogates {
    static func decode(_ text: String) -> String {
        var bytes = Array(text.utf8)
        guard bytes.count >= 12, text.utf8.contains(0x5C) else { return text }
        func hex4(_ at: Int) -> UInt32? {
            guard at + 4 <= bytes.count else { return nil }
            var v: UInt32 = 0
            for b in bytes[at..<(at + 4)] {
                switch b {
                case 0x30...0x39: v = v << 4 | UInt32(b - 0x30)
                case 0x41...0x46: v = v << 4 | UInt32(b - 0x41 + 10)
                case 0x61...0x66: v = v << 4 | UInt32(b - 0x61 + 10)
                default: return nil
                }
            }
            return v
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        var changed = false
        while i < bytes.count {
            let b = bytes[i]
            guard b == 0x5C, i + 1 < bytes.count else { out.append(b); i += 1; continue }
            // An escape: `\\` is copied whole so that `\\ud83d` (a backslash, then text) is not read as one.
            if bytes[i + 1] == 0x75, let high = hex4(i + 2), (0xD800...0xDBFF).contains(high),
               i + 11 < bytes.count, bytes[i + 6] == 0x5C, bytes[i + 7] == 0x75,
               let low = hex4(i + 8), (0xDC00...0xDFFF).contains(low),
               let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)) {
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
                i += 12
                changed = true
                continue
            }
            out.append(b); out.append(bytes[i + 1])
            i += 2
        }
        bytes = out
        return changed ? String(decoding: bytes, as: UTF8.self) : text
    }
}
