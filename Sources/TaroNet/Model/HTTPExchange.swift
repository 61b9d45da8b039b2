import Foundation

/// The request a transfer sent and every response it received, redirect hops
/// and 1xx included, with curl's timings: what the header pane shows.
public struct HTTPExchange: Sendable, Equatable {
    /// One header line as received: name and value, in order, duplicates kept.
    public struct Field: Sendable, Equatable {
        public var name: String
        public var value: String
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// One response's status line and headers.
    public struct Response: Sendable, Equatable {
        public var statusLine: String
        public var statusCode: Int
        public var fields: [Field]
        public init(statusLine: String, statusCode: Int, fields: [Field] = []) {
            self.statusLine = statusLine
            self.statusCode = statusCode
            self.fields = fields
        }
    }

    /// curl's timings, in seconds from the start of the last attempt.
    public struct Timings: Sendable, Equatable {
        public var nameLookup: Double
        public var connect: Double
        public var tlsHandshake: Double
        public var firstByte: Double
        public var total: Double
        public init(nameLookup: Double = 0, connect: Double = 0, tlsHandshake: Double = 0,
                    firstByte: Double = 0, total: Double = 0) {
            self.nameLookup = nameLookup
            self.connect = connect
            self.tlsHandshake = tlsHandshake
            self.firstByte = firstByte
            self.total = total
        }
    }

    /// "GET /path HTTP/1.1" style line of the last request sent.
    public var requestLine: String = ""
    /// Request headers as sent, with Authorization, Cookie and the like masked.
    public var requestFields: [Field] = []
    public var responses: [Response] = []
    public var effectiveURL: String?
    public var remoteAddress: String?
    public var httpVersion: String?
    public var timings: Timings?
    /// The header lines were let go to save memory (an old finished row of
    /// a long list): the request line and each status line remain.
    public var headersDropped = false

    public init() {}

    /// This exchange without its header lines: what an old finished row keeps.
    public var withoutHeaders: HTTPExchange {
        var summary = HTTPExchange()
        summary.requestLine = requestLine
        summary.responses = responses.map { Response(statusLine: $0.statusLine, statusCode: $0.statusCode) }
        summary.remoteAddress = remoteAddress
        summary.httpVersion = httpVersion
        summary.timings = timings
        summary.headersDropped = !requestFields.isEmpty || responses.contains { !$0.fields.isEmpty }
            || effectiveURL != nil
        return summary
    }
}
