/// Places labels without overlaps: each label tries positions around its point in a fixed order (right,
/// left, above, below, then the diagonals) and takes the first that stays inside the frame and clear of the
/// labels and symbols already placed; a label with no free position is left out.
public struct LabelPlacer {
    public struct Box: Equatable, Sendable {
        public var x: Double, y: Double, width: Double, height: Double
        public func overlaps(_ o: Box) -> Bool {
            x < o.x + o.width && o.x < x + width && y < o.y + o.height && o.y < y + height
        }
    }

    public private(set) var occupied: [Box] = []
    let bounds: Box

    public init(bounds: Box) { self.bounds = bounds }

    /// Marks a symbol's area as taken.
    public mutating func block(_ b: Box) { occupied.append(b) }

    /// Average advance of sans-serif glyphs as a share of the font size, a little generous.
    public static func textWidth(_ text: String, fontSize: Double) -> Double { Double(text.count) * fontSize * 0.6 }

    /// The text's box (top-left corner) and anchor, or nil when it fits nowhere.
    public mutating func place(_ text: String, at p: (x: Double, y: Double), fontSize: Double, gap: Double)
        -> (box: Box, textX: Double, baseline: Double)?
    {
        let w = Self.textWidth(text, fontSize: fontSize), h = fontSize * 1.2
        let candidates: [(Double, Double)] = [
            (p.x + gap, p.y - h / 2), (p.x - gap - w, p.y - h / 2), (p.x - w / 2, p.y - gap - h), (p.x - w / 2, p.y + gap),
            (p.x + gap, p.y - gap - h), (p.x - gap - w, p.y - gap - h), (p.x + gap, p.y + gap), (p.x - gap - w, p.y + gap),
        ]
        for (bx, by) in candidates {
            let b = Box(x: bx, y: by, width: w, height: h)
            guard b.x >= bounds.x, b.y >= bounds.y, b.x + b.width <= bounds.x + bounds.width, b.y + b.height <= bounds.y + bounds.height,
                  !occupied.contains(where: { $0.overlaps(b) }) else { continue }
            occupied.append(b)
            return (b, bx, by + fontSize * 0.95)
        }
        return nil
    }
}
