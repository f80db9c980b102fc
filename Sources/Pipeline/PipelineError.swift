/// A failure of an input or an output that a user can act on; the message names the file.
public struct PipelineError: Error, CustomStringConvertible, Equatable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
