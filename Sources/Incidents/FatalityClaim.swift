/// One figure a source gave for the dead.
public struct FatalityClaim: Hashable, Sendable {
    public let source: String?
    public let count: Int

    public init(source: String?, count: Int) {
        self.source = source
        self.count = count
    }
}
