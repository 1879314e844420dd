/// A JSON number as read from the input: its value and, when known, its literal text.
public struct JSONNumber: Equatable, Sendable {
    /// The nearest `Double` (infinite when the literal overflows, as Haskell's `fromRational` gives).
    public var double: Double
    /// The exact integer, when the literal was an integer that fits in 64 bits.
    public var integer: Int?
    /// The literal text for non-integer numbers (used to round exactly).
    public var literal: String?

    /// Creates a number from its parts.
    public init(double: Double, integer: Int?, literal: String?) {
        self.double = double; self.integer = integer; self.literal = literal
    }

    /// An integer number.
    public init(_ value: Int) { self.init(double: Double(value), integer: value, literal: nil) }
}

/// A parsed JSON value; objects keep their keys in input order (Text.JSON's `JSValue`).
public indirect enum JSONValue: Equatable, Sendable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number.
    case number(JSONNumber)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object, keys in input order.
    case object(JSONObject)
}

/// A JSON object as an ordered list of fields (Text.JSON's `JSObject`).
public struct JSONObject: Equatable, Sendable {
    /// The fields in input order.
    public var fields: [(key: String, value: JSONValue)]

    /// Creates an object from ordered fields.
    public init(_ fields: [(key: String, value: JSONValue)]) { self.fields = fields }

    /// Equality on keys and values, in order.
    public static func == (a: JSONObject, b: JSONObject) -> Bool {
        a.fields.count == b.fields.count && zip(a.fields, b.fields).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }

    /// The first value stored under `key` (Haskell's `lookup`).
    public subscript(key: String) -> JSONValue? {
        for f in fields where f.key == key { return f.value }
        return nil
    }

    /// The keys in order.
    public var keys: [String] { fields.map(\.key) }
}
