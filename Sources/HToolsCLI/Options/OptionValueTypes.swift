/// The disk templates `--disk-template` accepts, spelled as htools spells them.
public enum DiskTemplateName: String, CaseIterable, Sendable {
    case diskless, file, sharedfile, plain, blockdev, drbd, rbd, ext, gluster
}

/// The job submission priorities `--priority` accepts.
public enum SubmitPriority: String, CaseIterable, Sendable {
    case low, normal, high
}

/// An instance resource request from `--standard-alloc` or `--tiered-alloc` (sizes in MiB).
public struct RequestedResourceSpec: Equatable, Sendable {
    /// Virtual CPU count.
    public var cpu: Int
    /// Memory in MiB.
    public var memory: Int
    /// Disk in MiB.
    public var disk: Int
    /// Spindle count (1 when not given).
    public var spindles: Int

    /// Creates a resource request.
    public init(cpu: Int, memory: Int, disk: Int, spindles: Int) {
        self.cpu = cpu
        self.memory = memory
        self.disk = disk
        self.spindles = spindles
    }
}

/// A value-conversion failure, carrying the exact message htools prints for it.
public struct OptionValueError: Error, Equatable, Sendable {
    /// The message, without the "Error while parsing command line arguments:" heading.
    public var message: String

    /// Creates an error with the given message.
    public init(_ message: String) {
        self.message = message
    }
}
