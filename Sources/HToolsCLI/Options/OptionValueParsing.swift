import ClusterIO

/// Conversions of option values to typed values, with htools' exact error messages.
public enum OptionValueParsing {
    /// htools' `sepSplit`: splits on `separator`, keeping empty pieces, but "" gives [].
    public static func separatorSplit(_ text: String, separator: Unicode.Scalar = ",") -> [String] {
        if text.isEmpty { return [] }
        return text.unicodeScalars.split(separator: separator, omittingEmptySubsequences: false)
            .map { HaskellLexer.scalarString($0) }
    }

    /// htools' `parseYesNo`: nil gives `defaultValue`, otherwise "yes" or "no".
    public static func parseYesNo(defaultValue: Bool, _ text: String?) -> Result<Bool, OptionValueError> {
        switch text {
        case nil: return .success(defaultValue)
        case "yes": return .success(true)
        case "no": return .success(false)
        case let other?:
            return .failure(OptionValueError("Invalid choice '\(other)', pass one of 'yes' or 'no'"))
        }
    }

    /// htools' `parseUnit`: an Int with an optional unit suffix (m/g/t, MiB…, M/G/T, MB…), result in MiB.
    public static func parseUnit(_ text: String) -> Result<Int, OptionValueError> {
        guard let (value, suffix) = HaskellRead.readsInt(text) else {
            return .failure(OptionValueError("Can't parse string '\(text)'"))
        }
        let unit = HaskellLexer.scalarString(suffix.unicodeScalars.drop(while: { $0 == " " }))
        let upper = unit.uppercased()
        // Scaling factors as exact fractions numerator / denominator.
        let scale: (numerator: Int128, denominator: Int128)
        if unit.isEmpty || unit == "m" || upper == "MIB" {
            scale = (1, 1)
        } else if unit == "g" || upper == "GIB" {
            scale = (1024, 1)
        } else if unit == "t" || upper == "TIB" {
            scale = (1024 * 1024, 1)
        } else if unit == "M" || upper == "MB" {
            scale = (1_000_000, 1_048_576)
        } else if unit == "G" || upper == "GB" {
            scale = (1_000_000_000, 1_048_576)
        } else if unit == "T" || upper == "TB" {
            scale = (1_000_000_000_000, 1_048_576)
        } else {
            return .failure(OptionValueError("Unknown unit '\(unit)'"))
        }
        let scaled = Int128(value) * scale.numerator / scale.denominator
        return .success(Int(truncatingIfNeeded: scaled))
    }

    /// htools' `parseISpecString`: "disk,ram,cpu[,spindles]" where `kind` is "standard" or "tiered".
    public static func parseInstanceSpec(kind: String, _ text: String) -> Result<RequestedResourceSpec, OptionValueError> {
        let pieces = separatorSplit(text)
        guard (3...4).contains(pieces.count) else {
            return .failure(OptionValueError(
                "Invalid \(kind) specification: '\(text)', expected disk,ram,cpu"))
        }
        let annotate: (String) -> (OptionValueError) -> OptionValueError = { owner in
            { OptionValueError("\(owner): \($0.message)") }
        }
        do throws(OptionValueError) {
            let disk = try parseUnit(pieces[0]).mapError(annotate("\(kind) specs disk")).get()
            let memory = try parseUnit(pieces[1]).mapError(annotate("\(kind) specs memory")).get()
            let cpu = try HaskellRead.tryReadInt("\(kind) specs cpus", pieces[2]).get()
            var spindles = 1
            if pieces.count == 4 {
                spindles = try HaskellRead.tryReadInt("\(kind) specs spindles", pieces[3]).get()
            }
            return .success(RequestedResourceSpec(cpu: cpu, memory: memory, disk: disk, spindles: spindles))
        } catch {
            return .failure(error)
        }
    }

    /// Converts a `--disk-template` value, failing with htools' message for unknown names.
    public static func parseDiskTemplate(_ text: String) -> Result<DiskTemplateName, OptionValueError> {
        guard let template = DiskTemplateName(rawValue: text) else {
            return .failure(OptionValueError(
                "Invalid string value for type DiskTemplate: " + HaskellShow.string(text)))
        }
        return .success(template)
    }

    /// Converts a `--priority` value, failing with htools' message for unknown names.
    public static func parseSubmitPriority(_ text: String) -> Result<SubmitPriority, OptionValueError> {
        guard let priority = SubmitPriority(rawValue: text) else {
            return .failure(OptionValueError("Unknown priority '\(text)'"))
        }
        return .success(priority)
    }
}
