/// What a control claim says of an actor and a place; the raw values are what layers, stores and files write.
public enum ControlStatus: String, Sendable, CaseIterable, Hashable {
    case controls, captured, lost, besieged, contested

    /// The actor holds the place (a zone of its own).
    public var holds: Bool { self == .controls || self == .captured }
    /// The place is fought over (a contested zone).
    public var disputes: Bool { self == .contested || self == .besieged }
}
