import ClusterModel

/// One parsed `--simulate` group description (htools' `parseDesc`).
struct SimulationSpec {
    var policy: AllocPolicy
    var nodeCount: Int
    var disk: Int
    var memory: Int
    var cpus: Int
    var spindles: Int
    var exclusiveStorage: Bool

    /// Parses `policy,nodes,disk,memory,cpus[,spindles[,exclusive]]` with htools' error messages.
    init(_ spec: String) throws(ClusterLoadError) {
        var fields = FieldParsing.split(spec, ",")
        if fields.count == 5 { fields.append("1") }
        if fields.count == 6 { fields.append("False") }
        guard fields.count == 7 else {
            throw ClusterLoadError("Invalid cluster specification, expected 6 comma-separated sections (allocation policy, "
                + "node count, disk size, memory size, number of CPUs, spindles) but got \(fields.count): '\(spec)'")
        }
        policy = try SimulationSpec.policy(fields[0])
        nodeCount = try FieldParsing.readInt("node count", fields[1])
        disk = try SimulationSpec.unitValue("disk size", fields[2])
        memory = try SimulationSpec.unitValue("memory size", fields[3])
        cpus = try FieldParsing.readInt("cpu count", fields[4])
        spindles = try FieldParsing.readInt("spindles", fields[5])
        exclusiveStorage = try SimulationSpec.bool("exclusive storage", fields[6])
    }

    /// A raw policy name or its one-letter abbreviation.
    static func policy(_ text: String) throws(ClusterLoadError) -> AllocPolicy {
        if let p = AllocPolicy(rawValue: text) { return p }
        switch text {
        case "p": return .preferred
        case "a": return .lastResort
        case "u": return .unallocable
        default:
            throw ClusterLoadError("Invalid string value for type AllocPolicy: \(HaskellShow.string(text)); "
                + "Cannot parse AllocPolicy abbreviation '\(text)'")
        }
    }

    /// htools' `parseUnit`: an integer and an optional unit (MiB by default; m/g/t binary, M/G/T and MB/GB/TB decimal).
    static func unitValue(_ owner: String, _ text: String) throws(ClusterLoadError) -> Int {
        let value: Int
        var suffix = ""
        switch HaskellRead.int(text) {
        case .value(let v): value = v
        case .leftover(let rest):
            let scalars = Array(text.unicodeScalars)
            let prefix = String(String.UnicodeScalarView(scalars[..<(scalars.count - rest.unicodeScalars.count)]))
            guard case .value(let v) = HaskellRead.int(prefix) else {
                throw ClusterLoadError("\(owner): Can't parse string '\(text)'")
            }
            value = v
            suffix = rest
        case .noParse: throw ClusterLoadError("\(owner): Can't parse string '\(text)'")
        }
        let unit = String(suffix.drop { $0 == " " })
        let upper = unit.uppercased()
        let factor: (numerator: Int128, denominator: Int128)
        if unit.isEmpty || unit == "m" || upper == "MIB" {
            factor = (1, 1)
        } else if unit == "g" || upper == "GIB" {
            factor = (1024, 1)
        } else if unit == "t" || upper == "TIB" {
            factor = (1024 * 1024, 1)
        } else if unit == "M" || upper == "MB" {
            factor = (1_000_000, 1_048_576)
        } else if unit == "G" || upper == "GB" {
            factor = (1_000_000_000, 1_048_576)
        } else if unit == "T" || upper == "TB" {
            factor = (1_000_000_000_000, 1_048_576)
        } else {
            throw ClusterLoadError("\(owner): Unknown unit '\(unit)'")
        }
        let scaled = Int128(value) * factor.numerator / factor.denominator
        return Int(truncatingIfNeeded: scaled)
    }

    /// Haskell `reads` of a `Bool` through htools' `tryRead`.
    static func bool(_ owner: String, _ text: String) throws(ClusterLoadError) -> Bool {
        var s = Substring(text)
        func skipSpace() { s = s.drop { $0 == " " || $0 == "\t" || $0 == "\n" } }
        skipSpace()
        var parens = 0
        while s.first == "(" { parens += 1; s = s.dropFirst(); skipSpace() }
        let value: Bool
        if s.hasPrefix("True") { value = true; s = s.dropFirst(4) }
        else if s.hasPrefix("False") { value = false; s = s.dropFirst(5) }
        else { throw ClusterLoadError("\(owner): cannot parse string '\(text)'") }
        if let c = s.first, c.isLetter || c.isNumber || c == "_" || c == "'" {
            throw ClusterLoadError("\(owner): cannot parse string '\(text)'")
        }
        while parens > 0 {
            skipSpace()
            guard s.first == ")" else { throw ClusterLoadError("\(owner): cannot parse string '\(text)'") }
            s = s.dropFirst()
            parens -= 1
        }
        if !s.isEmpty { throw ClusterLoadError("\(owner): leftover characters when parsing '\(text)': '\(s)'") }
        return value
    }
}
