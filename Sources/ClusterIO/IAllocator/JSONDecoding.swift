/// Reads the iallocator message text into its top-level object, with `Text.JSON`'s error texts.
enum IAllocatorJSON {
    /// `decodeStrict` into a `JSObject`, failing as htools' `fromJResult "Parsing input IAllocator message"`.
    static func decodeObject(_ text: String) -> Result<JSONObject, IAllocatorError> {
        let prefix = "Parsing input IAllocator message"
        let outcome = TextJSONSyntax.check(text)
        if let message = outcome.error { return .failure(IAllocatorError(message).annotated(prefix)) }
        switch JSONCParser.parse(outcome.sanitized, numberLiterals: outcome.numberLiterals) {
        case .failure(let e): return .failure(e.annotated(prefix))
        case .success(.object(let o)): return .success(o)
        case .success: return .failure(IAllocatorError("Unable to read JSObject").annotated(prefix))
        }
    }
}

/// A typed reader of one JSON value, as a Haskell `readJSON` instance: a value or its error text.
struct JSONReader<T> {
    /// Converts a value or fails with `Text.JSON`'s message.
    let read: (JSONValue) -> Result<T, IAllocatorError>

    /// Wraps a conversion.
    init(_ read: @escaping (JSONValue) -> Result<T, IAllocatorError>) { self.read = read }

    /// A reader that fails with `message` unless `extract` gives a value.
    static func simple(_ message: String, _ extract: @escaping (JSONValue) -> T?) -> JSONReader<T> {
        JSONReader { v in extract(v).map { .success($0) } ?? .failure(IAllocatorError(message)) }
    }
}

extension JSONReader where T == JSONValue {
    /// Any value (`JSValue`).
    static var value: JSONReader<JSONValue> { JSONReader { .success($0) } }
}

extension JSONReader where T == String {
    /// A `String`: a JSON string, or an array of one-character strings.
    static var string: JSONReader<String> {
        JSONReader { v in
            switch v {
            case .string(let s):
                return .success(s)
            case .array(let items):
                var out = String.UnicodeScalarView()
                for item in items {
                    guard case .string(let s) = item, s.unicodeScalars.count == 1, let c = s.unicodeScalars.first else {
                        return .failure(IAllocatorError("Unable to read Char"))
                    }
                    out.append(c)
                }
                return .success(String(out))
            default:
                return .failure(IAllocatorError("Unable to read String"))
            }
        }
    }
}

extension JSONReader where T == Int {
    /// An `Int`: any number, rounded half to even (Haskell's `round` of the exact value), wrapping.
    static var int: JSONReader<Int> {
        .simple("Unable to read Int") { v in
            guard case .number(let n) = v else { return nil }
            return JSONNumberRounding.roundedInt(n)
        }
    }
}

extension JSONReader where T == Double {
    /// A `Double`.
    static var double: JSONReader<Double> {
        .simple("Unable to read Double") { v in
            guard case .number(let n) = v else { return nil }
            return n.double
        }
    }
}

extension JSONReader where T == Bool {
    /// A `Bool`.
    static var bool: JSONReader<Bool> {
        .simple("Unable to read Bool") { v in
            guard case .bool(let b) = v else { return nil }
            return b
        }
    }
}

extension JSONReader where T == JSONObject {
    /// A `JSObject JSValue`.
    static var object: JSONReader<JSONObject> {
        .simple("Unable to read JSObject") { v in
            guard case .object(let o) = v else { return nil }
            return o
        }
    }
}

extension JSONReader {
    /// A list `[T]` (fails with `Unable to read list` on non-arrays).
    static func list<E>(_ element: JSONReader<E>) -> JSONReader<[E]> where T == [E] {
        JSONReader<[E]> { v in
            guard case .array(let items) = v else { return .failure(IAllocatorError("Unable to read list")) }
            var out: [E] = []
            out.reserveCapacity(items.count)
            for item in items {
                switch element.read(item) {
                case .success(let e): out.append(e)
                case .failure(let f): return .failure(f)
                }
            }
            return .success(out)
        }
    }

    /// An enumeration read from its raw string, as Ganeti's generated `readJSON` does.
    static func rawEnum(_ typeName: String, _ make: @escaping (String) -> T?) -> JSONReader<T> {
        JSONReader { v in
            switch JSONReader<String>.string.read(v) {
            case .failure(let e):
                return .failure(IAllocatorError("Can't parse value for '\(typeName)': " + e.message))
            case .success(let s):
                guard let value = make(s) else {
                    return .failure(IAllocatorError("Invalid string value for type \(typeName): " + HaskellShow.string(s)))
                }
                return .success(value)
            }
        }
    }
}

extension JSONObject {
    /// Ganeti's `fromObj`: the key must exist and convert.
    func require<T>(_ key: String, _ reader: JSONReader<T>) throws(IAllocatorError) -> T {
        guard let v = self[key] else {
            throw IAllocatorError("key '\(key)' not found, object contains only " + HaskellShow.stringList(keys))
        }
        switch reader.read(v) {
        case .success(let t): return t
        case .failure(let e): throw e.annotated("key '\(key)'")
        }
    }

    /// Ganeti's `tryFromObj`: `fromObj` with an owner prefix on errors.
    func require<T>(_ key: String, _ reader: JSONReader<T>, owner: String) throws(IAllocatorError) -> T {
        do {
            return try require(key, reader)
        } catch {
            throw error.annotated(owner)
        }
    }

    /// Ganeti's `maybeFromObj`: nil when missing or null, else the converted value.
    func optional<T>(_ key: String, _ reader: JSONReader<T>) throws(IAllocatorError) -> T? {
        guard let v = self[key], v != .null else { return nil }
        switch reader.read(v) {
        case .success(let t): return t
        case .failure(let e): throw e.annotated("key '\(key)'")
        }
    }
}
