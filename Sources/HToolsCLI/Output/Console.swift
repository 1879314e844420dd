#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Buffered standard output and error, written as raw bytes so output matches htools exactly.
public enum Console {
    /// Writes `text` to standard output.
    public static func out(_ text: String) { write(text, to: stdout) }

    /// Writes `text` and a newline to standard output.
    public static func outLine(_ text: String) { write(text + "\n", to: stdout) }

    /// Writes `text` to standard error.
    public static func err(_ text: String) { write(text, to: stderr) }

    /// Writes `text` and a newline to standard error.
    public static func errLine(_ text: String) { write(text + "\n", to: stderr) }

    private static func write(_ text: String, to stream: UnsafeMutablePointer<FILE>?) {
        var copy = text
        copy.withUTF8 { buf in
            if let base = buf.baseAddress, buf.count > 0 { _ = fwrite(base, 1, buf.count, stream) }
        }
    }

    /// Flushes standard output (GHC's top-level handler does so before reporting an exception).
    public static func flushOutput() { fflush(stdout) }

    /// Flushes both streams and ends the process with `code`.
    public static func exit(_ code: Int32) -> Never {
        fflush(stdout)
        fflush(stderr)
        Glibc.exit(code)
    }

    /// htools' `exitErr`: `Error: MESSAGE` on standard error, exit code 1.
    public static func fail(_ message: String) -> Never {
        errLine("Error: " + message)
        exit(1)
    }
}
