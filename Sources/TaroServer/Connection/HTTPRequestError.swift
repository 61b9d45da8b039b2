/// A request the server cannot parse; answered with 400 (or 431) and a close.
enum HTTPRequestError: Error {
    case malformed(String)
    case headTooLarge

    var status: Int {
        switch self {
        case .malformed: 400
        case .headTooLarge: 431
        }
    }

    var message: String {
        switch self {
        case .malformed(let reason): "bad request: \(reason)\n"
        case .headTooLarge: "request header fields too large\n"
        }
    }
}
