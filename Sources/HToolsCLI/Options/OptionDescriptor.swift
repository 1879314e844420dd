/// Whether an option takes an argument, and the argument's placeholder name in the help text.
public enum OptionArgumentKind: Equatable, Sendable {
    /// A flag without argument (`-v`, `--verbose`).
    case none
    /// An argument that must be given (`-t FILE`, `--text-data=FILE`).
    case required(String)
    /// An argument that may be attached (`-p[FIELDS]`, `--print-nodes[=FIELDS]`).
    case optional(String)
}

/// The shell-completion category htools reports for an option in `--help-completion`.
public enum OptionCompletion: Equatable, Sendable {
    case none, file, dir, host, inetAddr, oneNode, manyNodes, oneInstance, manyInstances
    case oneOs, oneIallocator, instAddNodes, oneGroup, integer, float, jobId, command, string
    case choices([String])
    case suggest([String])

    /// The word htools prints for this completion category.
    public var completionWord: String {
        switch self {
        case .none: return "none"
        case .file: return "file"
        case .dir: return "dir"
        case .host: return "host"
        case .inetAddr: return "inetaddr"
        case .oneNode: return "onenode"
        case .manyNodes: return "manynodes"
        case .oneInstance: return "oneinstance"
        case .manyInstances: return "manyinstances"
        case .oneOs: return "oneos"
        case .oneIallocator: return "oneiallocator"
        case .instAddNodes: return "instaddnodes"
        case .oneGroup: return "onegroup"
        case .integer: return "integer"
        case .float: return "float"
        case .jobId: return "jobid"
        case .command: return "command"
        case .string: return "string"
        case .choices(let values): return "choices=" + values.joined(separator: ",")
        case .suggest(let values): return "suggest=" + values.joined(separator: ",")
        }
    }
}

/// The completion description of a program's positional arguments (count limits included).
public struct ArgumentCompletion: Equatable, Sendable {
    /// What kind of value each positional argument is.
    public var completion: OptionCompletion
    /// The least number of such arguments.
    public var minimumCount: Int
    /// The greatest number of such arguments, nil when unlimited.
    public var maximumCount: Int?

    /// Creates a positional-argument completion description.
    public init(completion: OptionCompletion, minimumCount: Int, maximumCount: Int?) {
        self.completion = completion
        self.minimumCount = minimumCount
        self.maximumCount = maximumCount
    }

    /// The line htools prints for this argument description in `--help-completion`.
    public var completionLine: String {
        "\(completion.completionWord) \(minimumCount) " + (maximumCount.map { String($0) } ?? "none")
    }
}

/// One command-line option: its names, argument, help text and completion category.
public struct OptionDescriptor: Equatable, Sendable {
    /// Which htools option this is; decides how its value is stored.
    public var key: OptionKey
    /// Single-letter names, used as `-x`.
    public var shortNames: [Character]
    /// Long names, used as `--name`.
    public var longNames: [String]
    /// The argument the option takes.
    public var argument: OptionArgumentKind
    /// The description shown in `--help`.
    public var help: String
    /// The category shown in `--help-completion`.
    public var completion: OptionCompletion

    /// Creates an option descriptor.
    public init(key: OptionKey, shortNames: [Character], longNames: [String],
                argument: OptionArgumentKind, help: String, completion: OptionCompletion) {
        self.key = key
        self.shortNames = shortNames
        self.longNames = longNames
        self.argument = argument
        self.help = help
        self.completion = completion
    }
}
