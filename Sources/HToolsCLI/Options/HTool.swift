/// The htools programs whose command lines this module understands.
public enum HTool: String, CaseIterable, Sendable {
    case hail, hbal, hspace, hroller, hsqueeze, hinfo, hscan

    /// The name the program uses for itself in usage and version texts.
    public var programName: String { rawValue }

    /// Finds the tool whose name equals the base name of `path`, ignoring case as htools does.
    public init?(programPath path: String) {
        let baseName = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
        self.init(rawValue: baseName.lowercased())
    }
}
