import CJSONC

/// The json-c adapter: the only file that touches libjson-c.
///
/// It turns a JSON text into a `JSONValue` tree once; everything else works on that tree.
enum JSONCParser {
    /// Nesting limit handed to json-c (`json_tokener_new_ex`).
    static let maximumDepth: Int32 = 2000

    /// Parses `text` with `json_tokener_parse_ex`; returns json-c's error description on failure.
    ///
    /// `numberLiterals`, the document's number texts in order, replace json-c's (64-bit limited)
    /// numbers when their count matches, so integers keep Haskell's exact, wrapping conversion.
    static func parse(_ text: String, numberLiterals: [String] = []) -> Result<JSONValue, IAllocatorError> {
        guard let tokener = json_tokener_new_ex(maximumDepth) else { return .failure(IAllocatorError("out of memory")) }
        defer { json_tokener_free(tokener) }
        var bytes = Array(text.utf8)
        let length = Int32(clamping: bytes.count)
        if bytes.count > Int(Int32.max) { return .failure(IAllocatorError("input too large")) }
        bytes.append(0)
        let root: OpaquePointer? = bytes.withUnsafeBufferPointer { buf -> OpaquePointer? in
            buf.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buf.count) { json_tokener_parse_ex(tokener, $0, length) }
            }
        }
        let error = json_tokener_get_error(tokener)
        guard error == json_tokener_success, let object = root else {
            if let object = root { json_object_put(object) }
            return .failure(IAllocatorError(String(cString: json_tokener_error_desc(error))))
        }
        defer { json_object_put(object) }
        let value = convert(object)
        var numbers = NumberCursor(literals: numberLiterals)
        guard !numberLiterals.isEmpty, count(value) == numberLiterals.count else { return .success(value) }
        return .success(numbers.substitute(value))
    }

    /// Number of numbers in a tree.
    private static func count(_ v: JSONValue) -> Int {
        switch v {
        case .number: return 1
        case .array(let items): return items.reduce(0) { $0 + count($1) }
        case .object(let o): return o.fields.reduce(0) { $0 + count($1.value) }
        default: return 0
        }
    }

    /// Walks a tree in document order, giving each number its literal text.
    private struct NumberCursor {
        let literals: [String]
        var next = 0

        mutating func substitute(_ v: JSONValue) -> JSONValue {
            switch v {
            case .number(let n):
                let text = literals[next]
                next += 1
                let isInteger = !text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" })
                let exact = isInteger ? Int(text) : nil
                return .number(JSONNumber(double: Double(text) ?? n.double, integer: exact, literal: text))
            case .array(let items):
                return .array(items.map { substitute($0) })
            case .object(let o):
                return .object(JSONObject(o.fields.map { (key: $0.key, value: substitute($0.value)) }))
            default:
                return v
            }
        }
    }

    /// Converts a json-c object (borrowed) into a `JSONValue`.
    private static func convert(_ object: OpaquePointer?) -> JSONValue {
        guard let object else { return .null }
        switch json_object_get_type(object) {
        case json_type_null:
            return .null
        case json_type_boolean:
            return .bool(json_object_get_boolean(object) != 0)
        case json_type_int:
            let v = json_object_get_int64(object)
            let text = String(cString: json_object_get_string(object))
            let fits = !(v == Int64.max || v == Int64.min) || text == String(v)
            return .number(JSONNumber(double: Double(text) ?? Double(v), integer: fits ? Int(v) : nil,
                                      literal: fits ? nil : text))
        case json_type_double:
            let text = String(cString: json_object_get_string(object))
            return .number(JSONNumber(double: Double(text) ?? json_object_get_double(object), integer: nil, literal: text))
        case json_type_string:
            let count = Int(json_object_get_string_len(object))
            guard let pointer = json_object_get_string(object) else { return .string("") }
            let buffer = UnsafeRawBufferPointer(start: pointer, count: count)
            return .string(String(decoding: buffer, as: UTF8.self))
        case json_type_array:
            let count = json_object_array_length(object)
            var items: [JSONValue] = []
            items.reserveCapacity(count)
            for i in 0..<count { items.append(convert(json_object_array_get_idx(object, i))) }
            return .array(items)
        case json_type_object:
            var fields: [(key: String, value: JSONValue)] = []
            var it = json_object_iter_begin(object)
            var end = json_object_iter_end(object)
            while json_object_iter_equal(&it, &end) == 0 {
                let key = String(cString: json_object_iter_peek_name(&it))
                fields.append((key, convert(json_object_iter_peek_value(&it))))
                json_object_iter_next(&it)
            }
            return .object(JSONObject(fields))
        default:
            return .null
        }
    }
}
