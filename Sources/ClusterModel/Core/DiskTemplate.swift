/// Storage layout of an instance's disks, with htools' raw names.
public enum DiskTemplate: String, CaseIterable, Sendable {
    case diskless, file, sharedfile, plain, blockdev, drbd, rbd, ext, gluster

    /// How the template mirrors data across nodes.
    public var mirrorType: MirrorType {
        switch self {
        case .drbd: return .internal
        case .file, .plain: return .none
        case .diskless, .sharedfile, .blockdev, .rbd, .ext, .gluster: return .external
        }
    }

    /// Whether the template consumes node-local disk space (drbd, plain).
    public var usesLocalStorage: Bool { self == .drbd || self == .plain }

    /// Whether instances of this template can be moved at all.
    public var supportsMoves: Bool {
        switch self {
        case .drbd, .blockdev, .sharedfile, .gluster, .rbd, .ext: return true
        case .diskless, .file, .plain: return false
        }
    }

    /// Whether the template keeps a secondary node (only DRBD).
    public var hasSecondary: Bool { self == .drbd }

    /// The constructor name Haskell's `show` prints (e.g. `DTDrbd8`).
    public var haskellConstructor: String {
        switch self {
        case .diskless: return "DTDiskless"
        case .file: return "DTFile"
        case .sharedfile: return "DTSharedFile"
        case .plain: return "DTPlain"
        case .blockdev: return "DTBlock"
        case .drbd: return "DTDrbd8"
        case .rbd: return "DTRbd"
        case .ext: return "DTExt"
        case .gluster: return "DTGluster"
        }
    }
}

/// Mirroring family of a disk template.
public enum MirrorType: Sendable {
    /// Not mirrored: the instance cannot change nodes.
    case none
    /// DRBD-style mirroring to a secondary node.
    case `internal`
    /// Shared storage reachable from any node.
    case external
}
