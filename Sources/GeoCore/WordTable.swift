/// A fixed table of words (folded text, lowercase ASCII in practice) looked up by their UTF-8 bytes with a
/// cheap hash: Swift's `Set<String>` and `Dictionary` hash with seeded SipHash, which is most of the cost of
/// asking a word list about every word of a text.
///
/// Answers are those of a `[String: Value]`: ASCII words are looked up by their bytes among the ASCII keys
/// (an ASCII string equals only itself); a word or key that is not ASCII goes through a plain dictionary.
public struct WordTable<Value>: Sendable where Value: Sendable {
    // Inlinable lookups: callers in other modules get them specialised to their value type.
    /// The table's arrays in one object: a table held in a struct or class is copied with one retain, not five
    /// (its arrays and dictionary; a copy is made at many a call site reading a list through the object holding it).
    @usableFromInline final class Storage: Sendable {
        @usableFromInline let tables: Tables
        init(_ tables: Tables) { self.tables = tables }
    }

    @usableFromInline struct Tables: Sendable {
        /// Per slot: the key's hash (0: empty), where its bytes lie in `keyBytes` (start << 32 | count), its
        /// value; linear probing, at most half full. A word is compared with a key byte by byte.
        @usableFromInline let hashes: [UInt64]
        @usableFromInline let keySpans: [UInt64]
        @usableFromInline let keyBytes: [UInt8]
        @usableFromInline let values: [Value?]
        @usableFromInline let mask: Int
        /// Every key, for words that are not ASCII (and, when some key is not ASCII, for all words).
        @usableFromInline let all: [String: Value]
        @usableFromInline let allASCII: Bool
        /// Which lengths (63 for any longer) and which pairs of first and last byte the keys have: most words
        /// asked about are not keys, and most of those are turned down here without hashing. Used only when
        /// every key is ASCII without "K", ";" or "`", so no word that is not ASCII can equal a key.
        @usableFromInline let lengths: UInt64
        @usableFromInline let ends: [UInt64]
    }

    @usableFromInline let storage: Storage

    /// The table of `pairs`; a repeated word keeps the last value.
    public init(_ pairs: [(String, Value)]) {
        var size = 8
        while size < pairs.count * 2 { size *= 2 }
        var hashes = [UInt64](repeating: 0, count: size)
        var keys = [String](repeating: "", count: size)
        var values = [Value?](repeating: nil, count: size)
        let mask = size - 1
        var all: [String: Value] = [:]
        for (word, value) in pairs {
            all[word] = value
            var copy = word
            let (h, ascii) = copy.withUTF8 { Self.hash($0) }
            guard ascii else { continue }
            var slot = Int(truncatingIfNeeded: h) & mask
            while hashes[slot] != 0, keys[slot] != word { slot = (slot + 1) & mask }
            hashes[slot] = h
            keys[slot] = word
            values[slot] = value
        }
        var keyBytes: [UInt8] = []
        let keySpans = keys.map { key -> UInt64 in
            let span = UInt64(keyBytes.count) << 32 | UInt64(key.utf8.count)
            keyBytes += key.utf8
            return span
        }
        let allASCII = all.keys.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } }
        var lengths: UInt64 = 0
        var ends = [UInt64](repeating: 0, count: 128 * 128 / 64)
        // NFC turns U+212A, U+037E and U+1FEF into "K", ";" and "`": with those in no key, an ASCII key equals
        // ASCII words only.
        if allASCII, !all.keys.contains(where: { $0.utf8.contains { $0 == 0x4B || $0 == 0x3B || $0 == 0x60 } }) {
            for key in all.keys {
                let u = Array(key.utf8)
                lengths |= 1 << UInt64(min(u.count, 63))
                if let first = u.first, let last = u.last { ends[Self.endsIndex(first, last) >> 6] |= 1 << UInt64(Self.endsIndex(first, last) & 63) }
            }
        } else {
            lengths = .max
            ends = ends.map { _ in .max }
        }
        storage = Storage(Tables(hashes: hashes, keySpans: keySpans, keyBytes: keyBytes, values: values, mask: mask, all: all, allASCII: allASCII,
                                 lengths: lengths, ends: ends))
    }

    @inlinable @inline(__always)
    static func endsIndex(_ first: UInt8, _ last: UInt8) -> Int { Int(first & 0x7F) << 7 | Int(last & 0x7F) }

    /// False when no key can equal a word of these bytes.
    @inlinable @inline(__always)
    func mayHold(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = b.count
        guard storage.tables.lengths & (1 << UInt64(min(n, 63))) != 0 else { return false }
        guard n > 0 else { return true }
        let e = Self.endsIndex(b[0], b[n - 1])
        return storage.tables.ends[e >> 6] & (1 << UInt64(e & 63)) != 0
    }

    /// FNV-1a over the bytes, mixed so that the low bits address slots (never 0), and whether they are ASCII.
    @inlinable @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> (value: UInt64, ascii: Bool) {
        var (h, ascii) = StableHash.fnv1a(bytes)
        h ^= h >> 29
        return (h == 0 ? 1 : h, ascii)
    }

    /// The value of an ASCII key equal to `bytes` (of hash `h`).
    @inlinable
    func lookup(_ h: UInt64, _ bytes: UnsafeBufferPointer<UInt8>) -> Value? {
        // Read through the storage, not from a local copy of the tables (a copy retains each array).
        let mask = storage.tables.mask
        var slot = Int(truncatingIfNeeded: h) & mask
        while storage.tables.hashes[slot] != 0 {
            if storage.tables.hashes[slot] == h, isKey(slot, bytes) { return storage.tables.values[slot] }
            slot = (slot + 1) & mask
        }
        return nil
    }

    @inlinable @inline(__always)
    func isKey(_ slot: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let span = storage.tables.keySpans[slot]
        let start = Int(span >> 32), count = Int(span & 0xFFFF_FFFF)
        guard count == bytes.count else { return false }
        return storage.tables.keyBytes.withUnsafeBufferPointer { pool in
            for k in 0..<count where pool[start + k] != bytes[k] { return false }
            return true
        }
    }

    /// The answer for a word of these UTF-8 bytes when the ASCII table can give it: nil when the dictionary
    /// must (a word or some key not ASCII).
    @inlinable @inline(__always)
    func answer(_ bytes: UnsafeBufferPointer<UInt8>) -> Value?? {
        guard mayHold(bytes) else { return .some(nil) }
        let (h, ascii) = Self.hash(bytes)
        guard ascii, storage.tables.allASCII else { return nil }
        return .some(lookup(h, bytes))
    }

    @inlinable
    public subscript(_ word: String) -> Value? {
        // A native string's bytes in place (no copy of the string, so no retain of its storage).
        let known = word.utf8.withContiguousStorageIfAvailable { answer($0) } ?? { var copy = word; return copy.withUTF8 { answer($0) } }()
        if let known { return known }
        return storage.tables.all[word]
    }

    @inlinable
    public subscript(_ word: Substring) -> Value? {
        let known = word.utf8.withContiguousStorageIfAvailable { answer($0) } ?? { var copy = word; return copy.withUTF8 { answer($0) } }()
        if let known { return known }
        return storage.tables.all[String(word)]
    }

    public var count: Int { storage.tables.all.count }

    /// Every key (in no particular order).
    public var keys: Dictionary<String, Value>.Keys { storage.tables.all.keys }
}

extension WordTable {
    /// Items by a word of each (a phrase's first word, a cue's last): a word's value is its items in their order.
    public static func grouping<Item>(_ items: [Item], by word: (Item) -> String) -> WordTable<[Item]> where Value == [Item] {
        WordTable(Dictionary(grouping: items, by: word).map { ($0.key, $0.value) })
    }
}

extension WordTable: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, Value)...) { self.init(elements) }
}

/// A fixed set of words with `WordTable`'s lookup.
public struct WordSet: Sendable, ExpressibleByArrayLiteral {
    @usableFromInline let table: WordTable<Bool>

    public init<S: Sequence>(_ words: S) where S.Element == String { table = WordTable(words.map { ($0, true) }) }
    public init(arrayLiteral words: String...) { self.init(words) }

    @inlinable public func contains(_ word: String) -> Bool { table[word] != nil }
    @inlinable public func contains(_ word: Substring) -> Bool { table[word] != nil }
    public var count: Int { table.count }

    /// Every word (in no particular order).
    public var words: Dictionary<String, Bool>.Keys { table.keys }
}
