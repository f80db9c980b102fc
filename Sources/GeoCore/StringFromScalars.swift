extension String {
    /// The string of these scalars, encoded straight into the string's UTF-8 storage: building a
    /// `String.UnicodeScalarView` appends scalar by scalar and costs several times more, and the geoparser
    /// makes a string of every word, sentence and block it reads.
    public init(scalars: ArraySlice<Unicode.Scalar>) {
        var count = 0
        for s in scalars { count += UTF8.width(s) }
        self.init(unsafeUninitializedCapacity: count) { out in
            var i = 0
            for s in scalars {
                let v = s.value
                switch v {
                case ..<0x80:
                    out[i] = UInt8(v); i += 1
                case ..<0x800:
                    out[i] = UInt8(0xC0 | v >> 6); out[i + 1] = UInt8(0x80 | v & 0x3F); i += 2
                case ..<0x10000:
                    out[i] = UInt8(0xE0 | v >> 12); out[i + 1] = UInt8(0x80 | v >> 6 & 0x3F); out[i + 2] = UInt8(0x80 | v & 0x3F); i += 3
                default:
                    out[i] = UInt8(0xF0 | v >> 18); out[i + 1] = UInt8(0x80 | v >> 12 & 0x3F)
                    out[i + 2] = UInt8(0x80 | v >> 6 & 0x3F); out[i + 3] = UInt8(0x80 | v & 0x3F); i += 4
                }
            }
            return i
        }
    }
}
