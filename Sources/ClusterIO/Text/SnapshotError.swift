/// Why a cluster could not be loaded; `message` is htools' exact wording.
public struct ClusterLoadError: Error, Equatable, Sendable {
    /// The text htools prints after `Error: failed to load data, aborting: `.
    public var message: String
    /// Creates an error with htools' wording.
    public init(_ message: String) { self.message = message }
}

/// A file could not be read or decoded; printed as `PROG: MESSAGE` by htools' top-level handler.
public struct InputDecodingError: Error, Equatable, Sendable {
    /// The text after the program name.
    public var message: String
    /// Creates the error.
    public init(_ message: String) { self.message = message }
}
