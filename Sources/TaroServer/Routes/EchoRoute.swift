import Foundation

/// `/echo` (any method) — the request as the server saw it, as JSON:
/// `{"method","target","headers":[[name,value]…],"bodyLength","body","bodyBase64"}`.
/// The body is UTF-8 text when it decodes as such, base64 otherwise.
enum EchoRoute {
    static let bodyLimit = 16 << 20

    static func serve(_ exchange: Exchange) throws {
        let body = try exchange.body.readAll(limit: bodyLimit)
        exchange.logRequest()
        let head = exchange.head

        let headers = head.headers.map { "[\(JSONText.string($0.name)),\(JSONText.string($0.value))]" }
        let text = String(validating: body, as: UTF8.self)
        let bodyField = text.map(JSONText.string) ?? JSONText.string(Data(body).base64EncodedString())
        let json = "{\"method\":\(JSONText.string(head.method)),\"target\":\(JSONText.string(head.target)),"
            + "\"headers\":[\(headers.joined(separator: ","))],\"bodyLength\":\(body.count),"
            + "\"body\":\(bodyField),\"bodyBase64\":\(text == nil)}"
        try exchange.respond(status: 200, contentType: "application/json", body: Array(json.utf8))
    }
}
