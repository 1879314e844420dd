/// One disk of an instance.
public struct Disk: Equatable, Sendable {
    /// Size in MiB.
    public var size: Int
    /// Spindles, when known.
    public var spindles: Int?
    /// Creates a disk.
    public init(size: Int, spindles: Int?) { self.size = size; self.spindles = spindles }
}
