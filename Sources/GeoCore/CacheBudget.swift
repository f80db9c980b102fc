/// geomap's one cache budget: how many entries each worker's caches may hold (named-place checks, anchor
/// extents, governorates named like a city; located areas, in one cache the workers of a job share,
/// `SharedCache`; name rankings, in one cache the workers share holding all their entries, `entries` ×
/// workers) and whether the direct-mapped memos
/// (name-index answers, distances) are on. Every cache answers as the uncached computation does; 0 turns them
/// all off (`--cache-limit 0`), which the benchmark measures beside the default. The records read from the
/// gazetteer store (`PlaceRecordCache`, one the workers of a job share) are bounded by `recordEntries` ×
/// workers whatever the limit: they save SQLite
/// reads, not computation, and were never part of what `--cache-limit 0` measures. Likewise what the locator
/// derives from the gazetteer alone (border bands per pair of countries, country and capital places, once per
/// worker; the land mask's widened outlines, once per job, `LandOutlines`): properties of the data like the
/// name index, bounded by the number of countries, not by the text.
public struct CacheBudget: Sendable, Equatable {
    /// Entries each cache may hold before it empties itself.
    public var entries: Int

    public init(entries: Int) { self.entries = max(0, entries) }

    public static let standard = CacheBudget(entries: 20_000)
    public static let none = CacheBudget(entries: 0)

    /// Place records and outlines kept per worker from the gazetteer store (in the one cache the workers share).
    public static let recordEntries = 20_000

    /// Slots of each direct-mapped memo: fixed (32,768) while caching is on, none when it is off.
    public var memoSlots: Int { entries == 0 ? 0 : 1 << 15 }
}
