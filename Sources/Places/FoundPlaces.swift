/// The places a name matched while it is ranked, each at the best level found (with, for a fuzzy match, the key
/// it came by): open addressing on the place number. Every key posting asks about its place, and a name has
/// dozens of them; a dictionary hashed each question with SipHash.
struct FoundPlaces {
    /// In the order first found.
    private(set) var entries: [(place: Int, level: MatchLevel, via: String?)] = []
    /// Per slot, the entry's index (-1: empty); linear probing, at most half full.
    private var slots = [Int32](repeating: -1, count: 16)

    var isEmpty: Bool { entries.isEmpty }

    /// The best level `place` was found at, if it was.
    func level(of place: Int) -> MatchLevel? {
        var s = slot(place)
        while slots[s] >= 0 {
            let e = Int(slots[s])
            if entries[e].place == place { return entries[e].level }
            s = (s + 1) & (slots.count - 1)
        }
        return nil
    }

    /// Records `place` at `level`, unless it was found at that level or a better one.
    mutating func add(_ place: Int, _ level: MatchLevel, via: String? = nil) {
        var s = slot(place)
        while slots[s] >= 0 {
            let e = Int(slots[s])
            if entries[e].place == place {
                if level < entries[e].level { entries[e].level = level; entries[e].via = via }
                return
            }
            s = (s + 1) & (slots.count - 1)
        }
        slots[s] = Int32(entries.count)
        entries.append((place, level, via))
        if entries.count * 2 > slots.count { grow() }
    }

    /// Fibonacci hashing: the high bits of the product, masked to the table.
    private func slot(_ place: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(truncatingIfNeeded: place) &* 0x9E37_79B9_7F4A_7C15) >> 32) & (slots.count - 1)
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        for (e, entry) in entries.enumerated() {
            var s = slot(entry.place)
            while slots[s] >= 0 { s = (s + 1) & (slots.count - 1) }
            slots[s] = Int32(e)
        }
    }
}
