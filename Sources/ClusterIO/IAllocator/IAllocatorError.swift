/// Why an iallocator request could not be read; `message` is htools' exact wording
/// (printed as `Error: MESSAGE`, exit code 1).
public struct IAllocatorError: Error, Equatable, Sendable {
    /// The text after `Error: `.
    public var message: String
    /// Creates an error with htools' wording.
    public init(_ message: String) { self.message = message }

    /// The same error with htools' `annotateResult` owner prefix (`OWNER: MESSAGE`).
    public func annotated(_ owner: String) -> IAllocatorError { IAllocatorError(owner + ": " + message) }
}
