import Foundation

/// Turns a request's `data` into a URL query or a body, as WeChat does: for
/// GET an object becomes a percent-encoded query string; otherwise JSON when
/// the content type is JSON, form-urlencoded when it is a form, and text or
/// bytes as given.
enum RequestBodyEncoder {
    struct Encoded {
        var url: String
        var body: [UInt8]?
    }

    static func encode(url: String, method: RequestOption.Method, contentType: String,
                       data: RequestOption.Data?) throws(TransferFailure) -> Encoded {
        guard let data else { return Encoded(url: url, body: nil) }
        if method == .GET || method == .HEAD {
            switch data {
            case .text(let text):
                return Encoded(url: appendQuery(url, text), body: nil)
            case .bytes(let bytes):
                return Encoded(url: url, body: bytes)
            case .object(let object):
                return Encoded(url: appendQuery(url, formEncode(object)), body: nil)
            case .encodable(let value):
                return Encoded(url: appendQuery(url, formEncode(try object(from: value))), body: nil)
            }
        }
        let type = contentType.lowercased()
        switch data {
        case .text(let text):
            return Encoded(url: url, body: Array(text.utf8))
        case .bytes(let bytes):
            return Encoded(url: url, body: bytes)
        case .object(let object):
            if type.contains("x-www-form-urlencoded") {
                return Encoded(url: url, body: Array(formEncode(object).utf8))
            }
            return Encoded(url: url, body: Array(JSONValue.object(object).serialized.utf8))
        case .encodable(let value):
            if type.contains("x-www-form-urlencoded") {
                return Encoded(url: url, body: Array(formEncode(try object(from: value)).utf8))
            }
            do {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                return Encoded(url: url, body: Array(try encoder.encode(value)))
            } catch {
                throw .message("cannot encode data as JSON: \(error)")
            }
        }
    }

    /// "a=1&b=x%20y", keys sorted so the result is stable.
    static func formEncode(_ object: [String: JSONValue]) -> String {
        object.keys.sorted().map { key in
            percentEncode(key) + "=" + percentEncode(object[key]!.fieldText)
        }.joined(separator: "&")
    }

    /// encodeURIComponent's set: letters, digits and - _ . ! ~ * ' ( ) stay.
    static func percentEncode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "!"),
                 UInt8(ascii: "~"), UInt8(ascii: "*"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }

    private static func appendQuery(_ url: String, _ query: String) -> String {
        guard !query.isEmpty else { return url }
        var base = url
        var fragment = ""
        if let hash = base.firstIndex(of: "#") {
            fragment = String(base[hash...])
            base = String(base[..<hash])
        }
        let separator = base.contains("?") ? (base.hasSuffix("?") || base.hasSuffix("&") ? "" : "&") : "?"
        return base + separator + query + fragment
    }

    private static func object(from value: any Encodable & Sendable) throws(TransferFailure) -> [String: JSONValue] {
        do {
            let data = try JSONEncoder().encode(value)
            guard case .object(let object)? = JSONValue.parse(Array(data)) else {
                throw TransferFailure.message("data must encode to a JSON object")
            }
            return object
        } catch let failure as TransferFailure {
            throw failure
        } catch {
            throw .message("cannot encode data: \(error)")
        }
    }
}
