/// `/upload` — the upload sink. `PUT` (or any non-multipart body) is counted
/// and hashed whole; `POST multipart/form-data` is parsed as it streams and
/// only the file part is hashed. Nothing is buffered beyond one read, so a
/// gibibyte upload keeps the server small. Answers
/// `{"bytes","sha256","fileName","fieldName","fields"}` with status `status=`
/// (default 200) and appends an `UploadRecord`.
enum UploadRoute {
    static func serve(_ exchange: Exchange) throws {
        let head = exchange.head
        let contentType = head.header("Content-Type") ?? ""
        let sink = UploadSink()
        let buffer = exchange.sendBuffer.bytes
        let kind: UploadRecord.Kind

        if contentType.lowercased().hasPrefix("multipart/form-data") {
            guard let boundary = boundary(in: contentType) else {
                return try exchange.respond(status: 400, text: "multipart body without a boundary\n")
            }
            let parser = MultipartStreamParser(boundary: boundary)
            var malformed = false
            while true {
                let count = try exchange.body.read(into: buffer)
                if count == 0 { break }
                guard !malformed else { continue } // keep reading so the connection stays in sync
                do {
                    try parser.feed(UnsafeRawBufferPointer(rebasing: buffer[0..<count]), to: sink)
                } catch {
                    malformed = true
                }
            }
            guard !malformed, parser.isFinished else {
                return try exchange.respond(status: 400, text: "malformed or truncated multipart body\n")
            }
            kind = .multipart
        } else {
            while true {
                let count = try exchange.body.read(into: buffer)
                if count == 0 { break }
                sink.consume(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
            }
            kind = head.method == "PUT" ? .put : .raw(head.method)
        }

        exchange.logRequest()
        let record = sink.record(kind: kind)
        exchange.core.record(record)
        let json = "{\"bytes\":\(record.bytes),\"sha256\":\(JSONText.string(record.sha256)),"
            + "\"fileName\":\(JSONText.optionalString(record.fileName)),"
            + "\"fieldName\":\(JSONText.optionalString(record.fieldName)),"
            + "\"fields\":\(JSONText.object(record.formFields))}"
        let status = Int(exchange.query.int("status") ?? 200)
        try exchange.respond(status: status, contentType: "application/json", body: Array(json.utf8))
    }

    /// The `boundary` parameter of a multipart Content-Type, quoted or not.
    static func boundary(in contentType: String) -> String? {
        let parameters = MultipartPartHeaders.parameters(of: contentType)
        guard let boundary = parameters["boundary"], !boundary.isEmpty, boundary.count <= 200 else { return nil }
        return boundary
    }
}
