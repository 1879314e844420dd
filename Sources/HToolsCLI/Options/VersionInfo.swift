/// The Ganeti version string every tool reports (`<tool> (ganeti) version ...`).
public let htoolsVersion = "3.0.2-3"

/// The compiler line htools prints in its version text.
public let htoolsCompilerDescription = "ghc 9.0"

/// The platform line htools prints in its version text.
public let htoolsPlatformDescription = "linux x86_64"

/// The first line of the version and usage texts, e.g. `hbal (ganeti) version 3.0.2-3`.
public func versionHeadline(programName: String) -> String {
    "\(programName) (ganeti) version \(htoolsVersion)"
}

/// The full text printed by `--version`, three newline-terminated lines.
public func versionText(programName: String) -> String {
    versionHeadline(programName: programName) + "\n"
        + "compiled with \(htoolsCompilerDescription)\n"
        + "running on \(htoolsPlatformDescription)\n"
}
