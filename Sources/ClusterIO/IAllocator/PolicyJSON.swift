import ClusterModel

/// Readers for instance policies in iallocator JSON (`ipolicy`), with the messages of
/// Ganeti's generated object readers: missing keys, `Can't parse value for 'KEY'`, and
/// `Superfluous dictionary keys`.
enum PolicyJSON {
    /// Reads one field of a generated object: it must exist and convert.
    private static func field<T>(_ o: JSONObject, _ key: String, _ reader: JSONReader<T>) throws(IAllocatorError) -> T {
        guard let v = o[key] else {
            throw IAllocatorError("key '\(key)' not found, object contains only " + HaskellShow.stringList(o.keys))
        }
        switch reader.read(v) {
        case .success(let t): return t
        case .failure(let e): throw e.annotated("Can't parse value for '\(key)'")
        }
    }

    /// A generated object reader: an object, its fields, then no keys beyond `allowed`.
    private static func object<T>(allowed: [String],
                                  _ body: @escaping (JSONObject) throws(IAllocatorError) -> T) -> JSONReader<T> {
        JSONReader { v in
            guard case .object(let o) = v else { return .failure(IAllocatorError("Unable to read JSObject")) }
            do throws(IAllocatorError) {
                let value = try body(o)
                let extra = Set(o.keys).subtracting(allowed)
                if !extra.isEmpty {
                    return .failure(IAllocatorError("Superfluous dictionary keys: " + HaskellShow.stringList(sortedByScalars(Array(extra)))
                        + ", but only " + HaskellShow.stringList(sortedByScalars(allowed)) + " allowed."))
                }
                return .success(value)
            } catch {
                return .failure(error)
            }
        }
    }

    private static func sortedByScalars(_ xs: [String]) -> [String] {
        xs.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
    }

    /// An `ISpec`.
    static let spec: JSONReader<InstanceSpec> = object(
        allowed: ["memory-size", "cpu-count", "disk-size", "disk-count", "nic-count", "spindle-use"]) { o throws(IAllocatorError) in
        InstanceSpec(memorySize: try field(o, "memory-size", .int), cpuCount: try field(o, "cpu-count", .int),
                     diskSize: try field(o, "disk-size", .int), diskCount: try field(o, "disk-count", .int),
                     nicCount: try field(o, "nic-count", .int), spindleUse: try field(o, "spindle-use", .int))
    }

    /// A `MinMaxISpecs` pair.
    static let minMax: JSONReader<MinMaxSpec> = object(allowed: ["min", "max"]) { o throws(IAllocatorError) in
        MinMaxSpec(minimum: try field(o, "min", spec), maximum: try field(o, "max", spec))
    }

    /// A disk template name.
    static let diskTemplate: JSONReader<DiskTemplate> = .rawEnum("DiskTemplate") { DiskTemplate(rawValue: $0) }

    /// An `IPolicy`.
    static let policy: JSONReader<InstancePolicy> = object(
        allowed: ["minmax", "std", "disk-templates", "vcpu-ratio", "spindle-ratio"]) { o throws(IAllocatorError) in
        InstancePolicy(minMaxSpecs: try field(o, "minmax", .list(minMax)), standardSpec: try field(o, "std", spec),
                       diskTemplates: try field(o, "disk-templates", .list(diskTemplate)),
                       vcpuRatio: try field(o, "vcpu-ratio", .double), spindleRatio: try field(o, "spindle-ratio", .double))
    }
}
