extension Unicode.Scalar {
    // The Unicode properties text scanning asks of every scalar, read without the property tables for ASCII,
    // where they are these ranges (tested against the tables).

    /// White_Space: in ASCII the space and U+0009…U+000D.
    @inlinable public var isWhitespace: Bool {
        value < 0x80 ? value == 0x20 || (0x09...0x0D).contains(value) : properties.isWhitespace
    }

    /// Uppercase: in ASCII A…Z.
    @inlinable public var isUppercase: Bool {
        value < 0x80 ? (0x41...0x5A).contains(value) : properties.isUppercase
    }

    /// Alphabetic: in ASCII A…Z and a…z.
    @inlinable public var isAlphabetic: Bool {
        value < 0x80 ? (0x61...0x7A).contains(value | 0x20) : properties.isAlphabetic
    }

    /// Has a numeric type: in ASCII the digits.
    @inlinable public var isNumeric: Bool {
        value < 0x80 ? (0x30...0x39).contains(value) : properties.numericType != nil
    }
}
