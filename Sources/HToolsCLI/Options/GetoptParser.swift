import ClusterIO

/// One recognised option on the command line, with its argument (nil for flags and omitted optional arguments).
public struct OptionOccurrence: Equatable, Sendable {
    /// The option's descriptor.
    public var descriptor: OptionDescriptor
    /// The argument given to it, if any.
    public var value: String?

    /// Creates an occurrence.
    public init(descriptor: OptionDescriptor, value: String?) {
        self.descriptor = descriptor
        self.value = value
    }
}

/// What GNU-style option scanning found: options in order, non-option arguments, and error messages.
public struct GetoptResult: Equatable, Sendable {
    /// Recognised options, in command-line order.
    public var occurrences: [OptionOccurrence] = []
    /// Non-option arguments, in order (including everything after `--`).
    public var positional: [String] = []
    /// Error messages, each ending in a newline: argument errors first, then unrecognised options.
    public var errors: [String] = []

    /// Creates an empty result.
    public init() {}
}

/// Scans `arguments` like Haskell's `getOpt Permute`: clustered short flags, attached or separate
/// arguments, `--name=value`, unique long-name prefixes, and `--` ending option processing.
public func getoptPermute(_ descriptors: [OptionDescriptor], arguments: [String]) -> GetoptResult {
    var result = GetoptResult()
    var unrecognized: [String] = []
    var pending = ArraySlice(arguments)
    while let argument = pending.popFirst() {
        let scalars = Array(argument.unicodeScalars)
        if scalars.count == 2, scalars[0] == "-", scalars[1] == "-" {
            result.positional.append(contentsOf: pending)
            break
        }
        if scalars.count > 2, scalars[0] == "-", scalars[1] == "-" {
            scanLongOption(Array(scalars.dropFirst(2)), descriptors: descriptors, pending: &pending,
                           result: &result, unrecognized: &unrecognized)
        } else if scalars.count >= 2, scalars[0] == "-" {
            scanShortOption(scalars[1], attached: Array(scalars.dropFirst(2)), descriptors: descriptors,
                            pending: &pending, result: &result, unrecognized: &unrecognized)
        } else {
            result.positional.append(argument)
        }
    }
    result.errors += unrecognized.map { "unrecognized option `\($0)'\n" }
    return result
}

/// Handles `--name[=value]`: exact name first, else unique prefix.
private func scanLongOption(_ body: [Unicode.Scalar], descriptors: [OptionDescriptor],
                            pending: inout ArraySlice<String>, result: inout GetoptResult,
                            unrecognized: inout [String]) {
    let equalsIndex = body.firstIndex(of: "=")
    let name = HaskellLexer.scalarString(body[..<(equalsIndex ?? body.count)])
    let attached = equalsIndex.map { HaskellLexer.scalarString(body[($0 + 1)...]) }
    let spelled = "--" + name
    let exact = descriptors.filter { $0.longNames.contains { $0.unicodeScalars.elementsEqual(name.unicodeScalars) } }
    let matches = exact.isEmpty
        ? descriptors.filter { $0.longNames.contains { $0.unicodeScalars.starts(with: name.unicodeScalars) } }
        : exact
    guard matches.count == 1, let descriptor = matches.first else {
        if matches.isEmpty {
            unrecognized.append("--" + HaskellLexer.scalarString(body))
        } else {
            result.errors.append(ambiguityMessage(spelled, matches))
        }
        return
    }
    switch descriptor.argument {
    case .none:
        if attached != nil {
            result.errors.append("option `\(spelled)' doesn't allow an argument\n")
        } else {
            result.occurrences.append(OptionOccurrence(descriptor: descriptor, value: nil))
        }
    case .required(let placeholder):
        if let attached {
            result.occurrences.append(OptionOccurrence(descriptor: descriptor, value: attached))
        } else if let next = pending.popFirst() {
            result.occurrences.append(OptionOccurrence(descriptor: descriptor, value: next))
        } else {
            result.errors.append("option `\(spelled)' requires an argument \(placeholder)\n")
        }
    case .optional:
        result.occurrences.append(OptionOccurrence(descriptor: descriptor, value: attached))
    }
}

/// Handles `-x…`: a flag puts the rest of the cluster back as a new `-…` argument; an argument option takes it.
private func scanShortOption(_ letter: Unicode.Scalar, attached: [Unicode.Scalar], descriptors: [OptionDescriptor],
                             pending: inout ArraySlice<String>, result: inout GetoptResult,
                             unrecognized: inout [String]) {
    let spelled = "-" + String(Character(letter))
    let matches = descriptors.filter { $0.shortNames.contains { $0.unicodeScalars.elementsEqual([letter]) } }
    let remainder = HaskellLexer.scalarString(attached)
    func pushBackCluster() {
        if !attached.isEmpty { pending.insert("-" + remainder, at: pending.startIndex) }
    }
    guard let descriptor = matches.first else {
        unrecognized.append(spelled)
        pushBackCluster()
        return
    }
    if matches.count > 1 {
        result.errors.append(ambiguityMessage(spelled, matches))
        return
    }
    switch descriptor.argument {
    case .none:
        result.occurrences.append(OptionOccurrence(descriptor: descriptor, value: nil))
        pushBackCluster()
    case .required(let placeholder):
        if !attached.isEmpty {
            result.occurrences.append(OptionOccurrence(descriptor: descriptor, value: remainder))
        } else if let next = pending.popFirst() {
            result.occurrences.append(OptionOccurrence(descriptor: descriptor, value: next))
        } else {
            result.errors.append("option `\(spelled)' requires an argument \(placeholder)\n")
        }
    case .optional:
        result.occurrences.append(OptionOccurrence(descriptor: descriptor, value: attached.isEmpty ? nil : remainder))
    }
}

/// The message for an ambiguous option: a heading plus the option table of the candidates.
private func ambiguityMessage(_ spelled: String, _ candidates: [OptionDescriptor]) -> String {
    optionTable(header: "option `\(spelled)' is ambiguous; could be one of:", descriptors: candidates)
}
