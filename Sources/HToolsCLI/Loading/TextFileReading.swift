#if canImport(Glibc)
import Glibc
#endif
import ClusterIO

/// Why a file could not be read, worded as GHC's `IOException` show.
public struct FileReadError: Error, Sendable {
    /// `PATH: openFile: does not exist (No such file or directory)` and the like.
    public var message: String
    /// Whether the file was opened but its bytes could not be decoded (reported by htools' top-level handler).
    public var isDecodingError: Bool
}

/// Reads whole text files as htools does: GHC's locale-dependent decoding and error texts; `-` is standard input.
public enum TextFileReading {
    /// Whether the locale the environment selects is a UTF-8 one (else GHC decodes ASCII only). As GHC's runtime,
    /// this sets the character-type locale from the environment and asks for its code set, so a UTF-8 locale
    /// that is not installed (`setlocale` fails) decodes ASCII only, as it does for htools.
    public static let localeIsUTF8: Bool = {
        _ = setlocale(LC_CTYPE, "")
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        return String(cString: codeset) == "UTF-8"
    }()

    /// Reads `path` (or standard input for `-`), decoding as GHC would.
    public static func read(_ path: String) -> Result<String, FileReadError> {
        let bytes: [UInt8]
        switch readBytes(path) {
        case .success(let b): bytes = b
        case .failure(let e): return .failure(e)
        }
        return decode(bytes, path: path)
    }

    /// Decodes bytes per the locale, failing like GHC's `hGetContents`.
    public static func decode(_ bytes: [UInt8], path: String) -> Result<String, FileReadError> {
        // Plain ASCII (the usual snapshot) decodes the same under every locale.
        if !bytes.contains(where: { $0 >= 0x80 }) { return .success(String(decoding: bytes, as: UTF8.self)) }
        let invalid = FileReadError(message: "\(path): hGetContents: invalid argument (invalid byte sequence)", isDecodingError: true)
        if localeIsUTF8 {
            var it = bytes.makeIterator()
            var decoder = UTF8()
            var scalars = String.UnicodeScalarView()
            loop: while true {
                switch decoder.decode(&it) {
                case .scalarValue(let s): scalars.append(s)
                case .emptyInput: break loop
                case .error: return .failure(invalid)
                }
            }
            return .success(String(scalars))
        }
        return .failure(invalid)
    }

    /// Reads raw bytes of `path`, or of standard input for `-`.
    public static func readBytes(_ path: String) -> Result<[UInt8], FileReadError> {
        let fd: Int32
        if path == "-" {
            fd = 0
        } else {
            fd = open(path, O_RDONLY)
            if fd < 0 { return .failure(openError(path, errno)) }
            var st = stat()
            if fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR {
                close(fd)
                return .failure(FileReadError(message: "\(path): openFile: inappropriate type (is a directory)", isDecodingError: false))
            }
        }
        defer { if fd != 0 { close(fd) } }
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(FileReadError(message: "\(path): hGetContents: \(errorText(errno))", isDecodingError: true))
            }
            if n == 0 { break }
            out.append(contentsOf: buffer[0..<n])
        }
        return .success(out)
    }

    private static func openError(_ path: String, _ code: Int32) -> FileReadError {
        FileReadError(message: "\(path): openFile: \(errorText(code))", isDecodingError: false)
    }

    /// GHC's `IOErrorType` wording followed by the C library's description.
    static func errorText(_ code: Int32) -> String {
        let description = String(cString: strerror(code))
        let kind: String
        switch code {
        case ENOENT, ENOTDIR: kind = "does not exist"
        case EACCES, EPERM, EROFS: kind = "permission denied"
        case EISDIR: kind = "inappropriate type"
        case EBUSY, ETXTBSY: kind = "resource busy"
        case EMFILE, ENFILE, ENOMEM, ENOSPC: kind = "resource exhausted"
        case EEXIST: kind = "already exists"
        case EINVAL: kind = "invalid argument"
        case ELOOP, ENAMETOOLONG: kind = "invalid argument"
        default: kind = "failed"
        }
        return "\(kind) (\(description))"
    }
}
