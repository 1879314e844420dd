/// One step of a balancing plan: which instance moved where, how, and the resulting score.
public struct BalancingStep: Sendable {
    /// The moved instance.
    public var instance: InstanceIndex
    /// Its new primary.
    public var primary: NodeIndex
    /// Its new secondary, if any.
    public var secondary: NodeIndex?
    /// The move kind.
    public var move: InstanceMove
    /// The cluster score after the move.
    public var score: Double

    /// Creates a placement record.
    public init(instance: InstanceIndex, primary: NodeIndex, secondary: NodeIndex?, move: InstanceMove, score: Double) {
        self.instance = instance; self.primary = primary; self.secondary = secondary; self.move = move; self.score = score
    }
}
