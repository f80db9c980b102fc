/// A growable run of bytes for writers that append millions of small pieces: unchecked appends after one
/// capacity check, where `[UInt8]` would check (and maybe copy on write) at every call.
/// Not copyable: the one owner frees the memory.
public struct OutputBuffer: ~Copyable {
    public private(set) var count = 0
    private var capacity: Int
    private var base: UnsafeMutablePointer<UInt8>

    public init(capacity: Int = 4096) {
        self.capacity = max(16, capacity)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    @inline(__always)
    public mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    private mutating func grow(to needed: Int) {
        var c = capacity * 2
        while c < needed { c *= 2 }
        let b = UnsafeMutablePointer<UInt8>.allocate(capacity: c)
        b.update(from: base, count: count)
        base.deallocate()
        base = b
        capacity = c
    }

    @inline(__always)
    public mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    @inline(__always)
    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count > 0 else { return }
        reserve(bytes.count)
        UnsafeMutableRawPointer(base + count).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
        count += bytes.count
    }

    @inline(__always)
    public mutating func append(_ s: StaticString) {
        s.withUTF8Buffer { append(UnsafeRawBufferPointer($0)) }
    }

    public mutating func append(contentsOf s: String) {
        var t = s
        t.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }

    /// Writes into spare room for at most `maximum` bytes; `fill` returns how many it wrote.
    @inline(__always)
    mutating func appendUnchecked(maximum: Int, _ fill: (UnsafeMutablePointer<UInt8>) -> Int) {
        reserve(maximum)
        count += fill(base + count)
    }

    public mutating func removeAll() { count = 0 }

    /// Drops all but the first `n` bytes.
    public mutating func truncate(to n: Int) { count = min(count, max(0, n)) }

    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: base, count: count))
    }

    /// A copy of the bytes (tests, small texts).
    public var bytes: [UInt8] { withUnsafeBytes { Array($0) } }
    public var text: String { withUnsafeBytes { String(decoding: $0, as: UTF8.self) } }
}
