import Foundation
import GeoCore

/// How a query matched a name variant, best first.
public enum MatchLevel: UInt8, Comparable, Sendable, CustomStringConvertible {
    /// The place's main name, folded (case, diacritics, punctuation).
    case exact = 0
    /// A curated alias (Gazetteer/aliases.csv).
    case alias = 1
    /// An alternate name from the source data.
    case alternate = 2
    /// Same transliteration key (`NameKey`).
    case key = 3
    /// One edit away from a key (misspelling).
    case fuzzy = 4

    public static func < (a: MatchLevel, b: MatchLevel) -> Bool { a.rawValue < b.rawValue }

    public var description: String {
        switch self {
        case .exact: return "exact"
        case .alias: return "alias"
        case .alternate: return "alternate"
        case .key: return "key"
        case .fuzzy: return "fuzzy"
        }
    }
}

/// The in-memory lookup structure of a gazetteer: per place the few numbers ranking needs, and two hash
/// tables (folded names, name keys) from a 64-bit stable hash to postings (place, match level). Built from
/// the store once, saved into it as one blob, and loaded with a few bulk copies: no per-name work at load.
///
/// Lookups: a directory on the top 20 hash bits points into a sorted hash array; a hit yields a posting run.
/// A class of fixed arrays: the index is held by the gazetteer and read everywhere (a struct of fourteen arrays
/// was copied, fourteen retains, wherever a function took it into a local).
public final class NameIndex: Sendable {
    static let magic: UInt32 = 0x474D_4E58   // "GMNX"
    static let version: UInt32 = 2
    static let directoryBits = 20
    static let foldDomain: UInt64 = 0x11
    static let keyDomain: UInt64 = 0x22

    // Per place, by index.
    public let rowids: [Int64]
    public let latitudes: [Double]
    public let longitudes: [Double]
    public let populations: [UInt32]
    public let kinds: [UInt8]
    /// ISO country as two ASCII bytes (0 when unknown).
    public let countries: [UInt16]
    /// Index into `admin1Names` (UInt32.max when unknown).
    public let admin1Indexes: [UInt32]
    public let admin1Names: [String]

    // Hash table: sorted hashes, posting ranges, postings (place << 32 | spelling << 3 | level).
    let hashes: [UInt64]
    let postingStarts: [UInt32]
    let postings: [UInt64]
    let directory: [UInt32]
    /// Spelling forms (`NameKey.spellingForm`) of the variants behind key postings, concatenated UTF-8.
    let spellingBytes: [UInt8]
    let spellingStarts: [UInt32]

    /// The arrays as the builder and the reader fill them.
    struct Columns {
        var rowids: [Int64] = []
        var latitudes: [Double] = []
        var longitudes: [Double] = []
        var populations: [UInt32] = []
        var kinds: [UInt8] = []
        var countries: [UInt16] = []
        var admin1Indexes: [UInt32] = []
        var admin1Names: [String] = []
        var hashes: [UInt64] = []
        var postingStarts: [UInt32] = [0]
        var postings: [UInt64] = []
        var spellingBytes: [UInt8] = []
        var spellingStarts: [UInt32] = [0]
    }

    /// The index of these columns (the directory is derived from the hashes).
    init(_ c: Columns) {
        rowids = c.rowids
        latitudes = c.latitudes
        longitudes = c.longitudes
        populations = c.populations
        kinds = c.kinds
        countries = c.countries
        admin1Indexes = c.admin1Indexes
        admin1Names = c.admin1Names
        hashes = c.hashes
        postingStarts = c.postingStarts
        postings = c.postings
        directory = Self.makeDirectory(c.hashes)
        spellingBytes = c.spellingBytes
        spellingStarts = c.spellingStarts
    }

    public var placeCount: Int { rowids.count }
    public var entryCount: Int { hashes.count }

    public func coordinate(_ place: Int) -> Coordinate {
        Coordinate(longitude: longitudes[place], latitude: latitudes[place])
    }

    public func kind(_ place: Int) -> PlaceKind { PlaceKind(code: kinds[place]) }

    public func country(_ place: Int) -> String? {
        let c = countries[place]
        guard c != 0 else { return nil }
        return String(decoding: [UInt8(c >> 8), UInt8(c & 0xFF)], as: UTF8.self)
    }

    public func admin1(_ place: Int) -> String? {
        let a = admin1Indexes[place]
        return a == .max ? nil : admin1Names[Int(a)]
    }

    static func countryCode(_ cc: String?) -> UInt16 {
        guard let cc, cc.utf8.count == 2 else { return 0 }
        // Asked for every ranking with a country: ASCII letters read in place, without an upper-cased copy.
        var code: UInt16 = 0
        for b in cc.utf8 {
            guard b < 0x80 else {
                let u = Array(cc.uppercased().utf8)
                return u.count == 2 ? UInt16(u[0]) << 8 | UInt16(u[1]) : 0
            }
            code = code << 8 | UInt16(b >= 0x61 && b <= 0x7A ? b - 0x20 : b)
        }
        return code
    }

    // MARK: Lookup

    /// Postings for an already folded name (exact, alias and alternate levels).
    public func lookup(folded: String) -> [(place: Int, level: MatchLevel)] {
        lookup(hash: StableHash.hash(folded, domain: Self.foldDomain)).map { ($0.place, $0.level) }
    }

    /// Postings for a name key (key level), each with the spelling form of the variant that has the key.
    public func lookup(key: String) -> [(place: Int, level: MatchLevel, spelling: ArraySlice<UInt8>)] {
        lookup(hash: StableHash.hash(key, domain: Self.keyDomain))
    }

    /// True when some name folds to `folded` (no allocation: the bulk path).
    public func contains(folded: String) -> Bool { contains(hash: StableHash.hash(folded, domain: Self.foldDomain)) }

    /// True when some name has this key.
    public func contains(key: String) -> Bool { contains(hash: StableHash.hash(key, domain: Self.keyDomain)) }

    /// True when some posting has this hash.
    func contains(hash h: UInt64) -> Bool {
        var found = false
        forEachPosting(hash: h) { _, _, _ in found = true }
        return found
    }

    /// The spelling form stored for a key posting.
    func spelling(_ id: Int) -> ArraySlice<UInt8> {
        guard id + 1 < spellingStarts.count else { return [] }
        return spellingBytes[Int(spellingStarts[id])..<Int(spellingStarts[id + 1])]
    }

    /// Calls `body` for each posting of a hash without allocating: the hot path of bulk resolution.
    @inline(__always)
    func forEachPosting(hash h: UInt64, _ body: (Int, MatchLevel, Int) -> Void) {
        guard !directory.isEmpty else { return }
        let bucket = Int(h >> UInt64(64 - Self.directoryBits))
        var lo = Int(directory[bucket]), hi = Int(directory[bucket + 1])
        while lo < hi {
            let mid = (lo + hi) >> 1
            if hashes[mid] < h { lo = mid + 1 } else { hi = mid }
        }
        guard lo < hashes.count, hashes[lo] == h else { return }
        for k in Int(postingStarts[lo])..<Int(postingStarts[lo + 1]) {
            let p = postings[k]
            body(Int(p >> 32), MatchLevel(rawValue: UInt8(p & 7)) ?? .key, Int((p >> 3) & 0x1FFF_FFFF))
        }
    }

    func lookup(hash h: UInt64) -> [(place: Int, level: MatchLevel, spelling: ArraySlice<UInt8>)] {
        var out: [(place: Int, level: MatchLevel, spelling: ArraySlice<UInt8>)] = []
        forEachPosting(hash: h) { out.append(($0, $1, $1 >= .key ? spelling($2) : [])) }
        return out
    }
}

// MARK: Building

extension NameIndex {
    /// Accumulates places and their names, then freezes into a `NameIndex`.
    public struct Builder {
        var index = Columns()
        var entries: [(hash: UInt64, posting: UInt64)] = []
        var admin1Lookup: [String: UInt32] = [:]
        var spellingIDs: [String: UInt64] = [:]

        public init() {}

        /// Adds a place; returns its index.
        @discardableResult
        public mutating func addPlace(rowid: Int64, coordinate: Coordinate, population: Int, kind: PlaceKind,
                                      country: String?, admin1: String?) -> Int {
            let i = index.rowids.count
            index.rowids.append(rowid)
            index.latitudes.append(coordinate.latitude)
            index.longitudes.append(coordinate.longitude)
            index.populations.append(UInt32(clamping: max(0, population)))
            index.kinds.append(kind.code)
            index.countries.append(NameIndex.countryCode(country))
            if let a = admin1, !a.isEmpty {
                if let k = admin1Lookup[a] { index.admin1Indexes.append(k) } else {
                    let k = UInt32(index.admin1Names.count)
                    index.admin1Names.append(a)
                    admin1Lookup[a] = k
                    index.admin1Indexes.append(k)
                }
            } else {
                index.admin1Indexes.append(.max)
            }
            return i
        }

        /// Adds one name variant of place `place`: its fold at the variant's level and its key at key level.
        public mutating func addName(_ text: String, origin: NameOrigin, place: Int) {
            let folded = NameFolding.fold(text)
            guard !folded.isEmpty else { return }
            let level: MatchLevel = origin == .primary ? .exact : origin == .alias ? .alias : .alternate
            entries.append((StableHash.hash(folded, domain: NameIndex.foldDomain), UInt64(place) << 32 | UInt64(level.rawValue)))
            let key = NameKey.key(folded: folded)
            guard !key.isEmpty else { return }
            let spelling = NameKey.spellingForm(folded: folded)
            let id: UInt64
            if let known = spellingIDs[spelling] { id = known } else {
                id = UInt64(index.spellingStarts.count - 1)
                spellingIDs[spelling] = id
                index.spellingBytes.append(contentsOf: spelling.utf8)
                index.spellingStarts.append(UInt32(index.spellingBytes.count))
            }
            entries.append((StableHash.hash(key, domain: NameIndex.keyDomain), UInt64(place) << 32 | id << 3 | UInt64(MatchLevel.key.rawValue)))
        }

        public func build() -> NameIndex {
            var idx = index
            // Sort by hash, then posting, so duplicates (same name twice on a place) collapse to the best level.
            let sorted = entries.sorted { $0.hash != $1.hash ? $0.hash < $1.hash : $0.posting < $1.posting }
            idx.hashes.reserveCapacity(sorted.count / 2)
            idx.postings.reserveCapacity(sorted.count)
            var last: UInt64 = .max
            for e in sorted {
                if idx.hashes.last != e.hash {
                    idx.postingStarts.append(UInt32(idx.postings.count))
                    idx.hashes.append(e.hash)
                    last = .max
                }
                // Fold postings: one per place (the best level). Key postings: one per place and spelling.
                let identity = e.posting & 7 >= UInt64(MatchLevel.key.rawValue) ? e.posting : e.posting >> 32
                if identity == last { continue }
                idx.postings.append(e.posting)
                last = identity
            }
            idx.postingStarts.append(UInt32(idx.postings.count))
            // postingStarts began with a sentinel 0 before any hash: drop it so start[i] belongs to hashes[i].
            idx.postingStarts.removeFirst()
            return NameIndex(idx)
        }
    }

    static func makeDirectory(_ hashes: [UInt64]) -> [UInt32] {
        let size = 1 << directoryBits
        var dir = [UInt32](repeating: 0, count: size + 1)
        var k = 0
        for b in 0..<size {
            dir[b] = UInt32(k)
            while k < hashes.count, Int(hashes[k] >> UInt64(64 - directoryBits)) == b { k += 1 }
        }
        dir[size] = UInt32(hashes.count)
        return dir
    }
}

// MARK: Serialisation

extension NameIndex {
    /// The index as one blob: a header, then each array's raw little-endian bytes.
    public func serialized() -> Data {
        var d = Data()
        func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { d.append(contentsOf: $0) } }
        func array<T>(_ a: [T]) {
            u32(UInt32(a.count))
            a.withUnsafeBytes { d.append(contentsOf: $0) }
        }
        u32(Self.magic)
        u32(Self.version)
        withUnsafeBytes(of: NameKey.rulesFingerprint.littleEndian) { d.append(contentsOf: $0) }
        array(rowids); array(latitudes); array(longitudes); array(populations); array(kinds)
        array(countries); array(admin1Indexes)
        let names = admin1Names.joined(separator: "\u{0}")
        array(Array(names.utf8))
        array(hashes); array(postingStarts); array(postings)
        array(spellingBytes); array(spellingStarts)
        return d
    }

    public convenience init(serialized d: Data) throws(GazetteerError) {
        var offset = 0
        func fail(_ why: String) -> GazetteerError { .database("name index is damaged (\(why)); rebuild the gazetteer") }
        func u32() throws(GazetteerError) -> UInt32 {
            guard offset + 4 <= d.count else { throw fail("truncated") }
            let v = d.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: UInt32.self) }
            offset += 4
            return UInt32(littleEndian: v)
        }
        func array<T>(_: T.Type) throws(GazetteerError) -> [T] {
            let n = Int(try u32())
            let bytes = n * MemoryLayout<T>.stride
            guard offset + bytes <= d.count else { throw fail("truncated array") }
            let out = [T](unsafeUninitializedCapacity: n) { buf, count in
                d.withUnsafeBytes { raw in
                    UnsafeMutableRawBufferPointer(buf).copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[offset..<offset + bytes]))
                }
                count = n
            }
            offset += bytes
            return out
        }
        guard try u32() == Self.magic else { throw fail("bad magic") }
        guard try u32() == Self.version else { throw fail("unknown version") }
        let lo = try u32(), hi = try u32()
        guard UInt64(hi) << 32 | UInt64(lo) == NameKey.rulesFingerprint else {
            throw .database("the gazetteer's name index was built with other name-matching rules: run 'geomap gazetteer reindex' (or 'make gazetteer' for the default)")
        }
        var c = Columns()
        c.rowids = try array(Int64.self)
        c.latitudes = try array(Double.self)
        c.longitudes = try array(Double.self)
        c.populations = try array(UInt32.self)
        c.kinds = try array(UInt8.self)
        c.countries = try array(UInt16.self)
        c.admin1Indexes = try array(UInt32.self)
        let nameBytes = try array(UInt8.self)
        c.admin1Names = nameBytes.isEmpty ? [] : String(decoding: nameBytes, as: UTF8.self).split(separator: "\u{0}", omittingEmptySubsequences: false).map(String.init)
        c.hashes = try array(UInt64.self)
        c.postingStarts = try array(UInt32.self)
        c.postings = try array(UInt64.self)
        c.spellingBytes = try array(UInt8.self)
        c.spellingStarts = try array(UInt32.self)
        guard [c.latitudes.count, c.longitudes.count, c.populations.count, c.kinds.count, c.countries.count, c.admin1Indexes.count]
            .allSatisfy({ $0 == c.rowids.count }), c.postingStarts.count == c.hashes.count + 1
        else { throw fail("inconsistent sizes") }
        self.init(c)
    }
}
