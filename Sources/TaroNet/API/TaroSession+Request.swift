import Foundation

extension TaroSession {
    /// Makes an HTTP request; the body is kept in memory.
    public func request(_ option: RequestOption) -> RequestTask {
        let dataType = option.dataType
        let responseType = option.responseType
        let hub = TaskHub<RequestResult, Never>(
            api: "request",
            callbacks: .init(success: option.success, fail: option.fail, complete: option.complete),
            makeProgress: nil,
            makeSuccess: { response in
                let header = HeaderDictionary.make(response.fields)
                let data: ResponseData
                if responseType == "arraybuffer" {
                    data = .bytes(response.body)
                } else if dataType == "json", !response.body.isEmpty, let json = JSONValue.parse(response.body) {
                    data = .json(json)
                } else {
                    data = .text(String(decoding: response.body, as: UTF8.self))
                }
                return RequestResult(
                    data: data, statusCode: response.statusCode, header: header,
                    cookies: response.fields.filter { ASCIICase.equal($0.name, "set-cookie") }.map(\.value),
                    profile: response.profile, errMsg: "request:ok")
            })
        if let problem = RequestURL.validate(option.url) {
            refused(hub, problem)
            return RequestTask(hub: hub, core: nil, session: self)
        }
        var headers = option.header.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        let contentType = headers.first { $0.0.lowercased() == "content-type" }?.1
        if contentType == nil { headers.append(("content-type", "application/json")) }
        let encoded: RequestBodyEncoder.Encoded
        do {
            encoded = try RequestBodyEncoder.encode(url: option.url, method: option.method,
                                                    contentType: contentType ?? "application/json", data: option.data)
        } catch {
            refused(hub, error)
            return RequestTask(hub: hub, core: nil, session: self)
        }
        let core = TransferCore(kind: .request, url: encoded.url, name: RequestURL.lastPathComponent(encoded.url),
                                localPath: nil, handler: hub)
        var spec = TransferSpec(url: encoded.url)
        spec.method = option.method.rawValue
        spec.headers = headers
        spec.body = encoded.body.map { .bytes($0) } ?? .none
        spec.sink = .memory(streamChunks: option.enableChunked)
        spec.timeoutMilliseconds = max(0, option.timeout)
        spec.followRedirects = option.redirect != "manual"
        spec.acceptEncoding = true
        spec.maxBodyBytes = max(0, option.maxBodyBytes)
        spec.wire = option.wire
        submit(core, spec, priority: 0)
        return RequestTask(hub: hub, core: core, session: self)
    }
}
