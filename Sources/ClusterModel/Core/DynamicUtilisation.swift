/// Dynamic resource use (CPU, memory, disk, network), htools' `DynUtil`.
public struct DynamicUtilisation: Equatable, Sendable {
    /// Standardised CPU load.
    public var cpu: Double
    /// Standardised memory load.
    public var memory: Double
    /// Standardised disk I/O load.
    public var disk: Double
    /// Standardised network load.
    public var network: Double

    /// Creates a utilisation record.
    public init(cpu: Double, memory: Double, disk: Double, network: Double) {
        self.cpu = cpu; self.memory = memory; self.disk = disk; self.network = network
    }

    /// All components zero (htools' `zeroUtil`).
    public static let zero = DynamicUtilisation(cpu: 0, memory: 0, disk: 0, network: 0)
    /// All components one (htools' `baseUtil`, the default per instance).
    public static let base = DynamicUtilisation(cpu: 1, memory: 1, disk: 1, network: 1)

    /// Component-wise sum.
    public static func + (a: DynamicUtilisation, b: DynamicUtilisation) -> DynamicUtilisation {
        DynamicUtilisation(cpu: a.cpu + b.cpu, memory: a.memory + b.memory,
                           disk: a.disk + b.disk, network: a.network + b.network)
    }

    /// Component-wise difference.
    public static func - (a: DynamicUtilisation, b: DynamicUtilisation) -> DynamicUtilisation {
        DynamicUtilisation(cpu: a.cpu - b.cpu, memory: a.memory - b.memory,
                           disk: a.disk - b.disk, network: a.network - b.network)
    }
}
