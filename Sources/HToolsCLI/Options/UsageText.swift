import ClusterIO

/// Haskell's `usageInfo`: `header`, then one aligned row per option (short names, long names, help).
public func optionTable(header: String, descriptors: [OptionDescriptor]) -> String {
    var rows: [(short: String, long: String, help: String)] = []
    for descriptor in descriptors {
        let shortColumn = descriptor.shortNames.map { shortOptionSynopsis($0, descriptor.argument) }
            .joined(separator: ", ")
        let longColumn = descriptor.longNames.map { longOptionSynopsis($0, descriptor.argument) }
            .joined(separator: ", ")
        let helpLines = haskellLines(descriptor.help)
        rows.append((shortColumn, longColumn, helpLines.first ?? ""))
        for extraLine in helpLines.dropFirst() { rows.append(("", "", extraLine)) }
    }
    let shortWidth = rows.map { $0.short.unicodeScalars.count }.max() ?? 0
    let longWidth = rows.map { $0.long.unicodeScalars.count }.max() ?? 0
    var text = header + "\n"
    for row in rows {
        text += "  " + padded(row.short, to: shortWidth) + "  " + padded(row.long, to: longWidth)
            + "  " + row.help + "\n"
    }
    return text
}

/// The `--help` text of a program: version line, usage line, option table.
public func usageText(programName: String, descriptors: [OptionDescriptor]) -> String {
    optionTable(header: versionHeadline(programName: programName) + "\nUsage: \(programName) [OPTION...]",
                descriptors: descriptors)
}

/// The `--help-completion` text: one line per option, then one per positional-argument description.
public func completionText(descriptors: [OptionDescriptor], arguments: [ArgumentCompletion]) -> String {
    var text = ""
    for descriptor in descriptors {
        let names = descriptor.shortNames.map { "-" + String($0) } + descriptor.longNames.map { "--" + $0 }
        text += names.joined(separator: ",") + " " + descriptor.completion.completionWord + "\n"
    }
    for argument in arguments { text += argument.completionLine + "\n" }
    return text
}

/// How a short option appears in the help table, e.g. `-t FILE` or `-p[FIELDS]`.
private func shortOptionSynopsis(_ letter: Character, _ argument: OptionArgumentKind) -> String {
    switch argument {
    case .none: return "-\(letter)"
    case .required(let placeholder): return "-\(letter) \(placeholder)"
    case .optional(let placeholder): return "-\(letter)[\(placeholder)]"
    }
}

/// How a long option appears in the help table, e.g. `--text-data=FILE` or `--luxi[=SOCKET]`.
private func longOptionSynopsis(_ name: String, _ argument: OptionArgumentKind) -> String {
    switch argument {
    case .none: return "--\(name)"
    case .required(let placeholder): return "--\(name)=\(placeholder)"
    case .optional(let placeholder): return "--\(name)[=\(placeholder)]"
    }
}

/// Pads `text` with spaces to `width` code points.
private func padded(_ text: String, to width: Int) -> String {
    text + String(repeating: " ", count: max(0, width - text.unicodeScalars.count))
}

/// Haskell's `lines`: splits at newlines, with no empty last piece for a trailing newline.
private func haskellLines(_ text: String) -> [String] {
    if text.isEmpty { return [] }
    var pieces = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        .map { HaskellLexer.scalarString($0) }
    if text.unicodeScalars.last == "\n" { pieces.removeLast() }
    return pieces
}
