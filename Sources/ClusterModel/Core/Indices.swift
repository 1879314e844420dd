/// Position of a node in a cluster's contiguous node array.
public struct NodeIndex: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The zero-based array position.
    public var value: Int
    /// Wraps a raw array position.
    public init(_ value: Int) { self.value = value }
    /// Orders indices by position.
    public static func < (lhs: NodeIndex, rhs: NodeIndex) -> Bool { lhs.value < rhs.value }
    /// The position as htools prints it.
    public var description: String { String(value) }
}

/// Position of an instance in a cluster's contiguous instance array.
public struct InstanceIndex: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The zero-based array position.
    public var value: Int
    /// Wraps a raw array position.
    public init(_ value: Int) { self.value = value }
    /// Orders indices by position.
    public static func < (lhs: InstanceIndex, rhs: InstanceIndex) -> Bool { lhs.value < rhs.value }
    /// The position as htools prints it.
    public var description: String { String(value) }
}

/// Position of a node group in a cluster's contiguous group array.
public struct GroupIndex: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The zero-based array position.
    public var value: Int
    /// Wraps a raw array position.
    public init(_ value: Int) { self.value = value }
    /// Orders indices by position.
    public static func < (lhs: GroupIndex, rhs: GroupIndex) -> Bool { lhs.value < rhs.value }
    /// The position as htools prints it.
    public var description: String { String(value) }
}
