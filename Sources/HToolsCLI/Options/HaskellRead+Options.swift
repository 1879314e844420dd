import ClusterIO

/// htools' `tryRead` for option values: `reads` plus htools' two error messages.
extension HaskellRead {
    /// htools' `tryRead name text` for Int, with its exact error messages.
    public static func tryReadInt(_ name: String, _ text: String) -> Result<Int, OptionValueError> {
        chooseOption(name, text, readsInt(text))
    }

    /// htools' `tryRead name text` for Double, with its exact error messages.
    public static func tryReadDouble(_ name: String, _ text: String) -> Result<Double, OptionValueError> {
        chooseOption(name, text, readsDouble(text))
    }

    /// htools' `tryRead name text` for Bool, with its exact error messages.
    public static func tryReadBool(_ name: String, _ text: String) -> Result<Bool, OptionValueError> {
        chooseOption(name, text, readsBool(text))
    }

    /// Accepts a parse only when it consumed everything, phrasing failures as htools does.
    private static func chooseOption<T>(_ name: String, _ text: String,
                                        _ parsed: (value: T, remainder: String)?) -> Result<T, OptionValueError> {
        guard let parsed else {
            return .failure(OptionValueError("\(name): cannot parse string '\(text)'"))
        }
        guard parsed.remainder.isEmpty else {
            return .failure(OptionValueError(
                "\(name): leftover characters when parsing '\(text)': '\(parsed.remainder)'"))
        }
        return .success(parsed.value)
    }
}
