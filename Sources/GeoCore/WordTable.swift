/// A fixed table of words (folded text, lowercase ASCII in practice) looked up by their UTF-8 bytes with a
/// cheap hash: Swift's `Set<String>` and `Dictionary` hash with seeded SipHash, which is most of the cost of
/// asking a word list about every word of a text.
///
/// Answers are those of a `[String: Value]`: ASCII words are looked up by their bytes among the ASCII keys
/// (an ASCII string equals only itself); a word or key that is not ASCII goes through a plain dictionary.
public struct WordTable<Value>: Sendable where Value: Sendable {
    private var keys: [String?]
    private var values: [Value?]
    private let mask: Int
    /// Every key, for words that are not ASCII (and, when some key is not ASCII, for all words).
    private let all: [String: Value]
    private let allASCII: Bool

    /// The table of `pairs`; a repeated word keeps the last value.
    public init(_ pairs: [(String, Value)]) {
        var size = 8
        while size < pairs.count * 2 { size *= 2 }
        keys = Array(repeating: nil, count: size)
        values = Array(repeating: nil, count: size)
        mask = size - 1
        var all: [String: Value] = [:]
        for (word, value) in pairs {
            all[word] = value
            guard word.utf8.allSatisfy({ $0 < 0x80 }) else { continue }
            var slot = Self.hash(word.utf8).value & mask
            while let k = keys[slot], k != word { slot = (slot + 1) & mask }
            keys[slot] = word
            values[slot] = value
        }
        self.all = all
        allASCII = all.keys.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } }
    }

    /// FNV-1a over the bytes, folded to the table's width, and whether they are all ASCII.
    @inline(__always)
    static func hash<S: Sequence>(_ bytes: S) -> (value: Int, ascii: Bool) where S.Element == UInt8 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var high: UInt8 = 0
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3; high |= b }
        return (Int(truncatingIfNeeded: h ^ (h >> 29)), high < 0x80)
    }

    public subscript(_ word: String) -> Value? {
        let (h, ascii) = Self.hash(word.utf8)
        guard ascii, allASCII else { return all[word] }
        var slot = h & mask
        while let k = keys[slot] {
            if k == word { return values[slot] }
            slot = (slot + 1) & mask
        }
        return nil
    }

    public subscript(_ word: Substring) -> Value? {
        let (h, ascii) = Self.hash(word.utf8)
        guard ascii, allASCII else { return all[String(word)] }
        var slot = h & mask
        while let k = keys[slot] {
            if k == word { return values[slot] }
            slot = (slot + 1) & mask
        }
        return nil
    }

    public var count: Int { all.count }
}

extension WordTable: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, Value)...) { self.init(elements) }
}

/// A fixed set of words with `WordTable`'s lookup.
public struct WordSet: Sendable, ExpressibleByArrayLiteral {
    private let table: WordTable<Bool>

    public init<S: Sequence>(_ words: S) where S.Element == String { table = WordTable(words.map { ($0, true) }) }
    public init(arrayLiteral words: String...) { self.init(words) }

    public func contains(_ word: String) -> Bool { table[word] != nil }
    public func contains(_ word: Substring) -> Bool { table[word] != nil }
    public var count: Int { table.count }
}
