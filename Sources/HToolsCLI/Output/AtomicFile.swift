#if canImport(Glibc)
import Glibc
#endif

/// Writes files atomically: a temporary file in the same directory, then `rename`.
public enum AtomicFile {
    /// Writes `text` to `path`; returns a GHC-style error text on failure.
    public static func write(_ text: String, to path: String) -> String? {
        let temp = path + ".tmp-\(getpid())"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if fd < 0 { return "\(path): openFile: \(TextFileReading.errorText(errno))" }
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                let e = errno
                close(fd); unlink(temp)
                return "\(path): hPutStr: \(TextFileReading.errorText(e))"
            }
            offset += n
        }
        if fsync(fd) != 0 { }
        close(fd)
        if rename(temp, path) != 0 {
            let e = errno
            unlink(temp)
            return "\(path): openFile: \(TextFileReading.errorText(e))"
        }
        return nil
    }
}
