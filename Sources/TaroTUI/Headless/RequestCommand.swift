import Foundation
import TaroNet

/// `taro-tui request [-X METHOD] [-H 'K: V']... [--data BODY] [-i] URL`:
/// prints the body (with -i the status line and headers first). Any HTTP
/// response exits 0, as with curl; a transfer failure exits 1.
enum RequestCommand {
    static func run(_ args: [String]) throws -> Int32 {
        let a = try HeadlessArguments(args, withValue: Set(["-X", "-H", "--data"]).union(WireFlags.withValue),
                                      switches: Set(["-i"]).union(WireFlags.switches))
        let wire = try a.wireFlags()
        guard a.positional.count == 1 else {
            throw UsageError(description: "request needs one URL")
        }
        let methodName = (a.last("-X") ?? (a.last("--data") != nil ? "POST" : "GET")).uppercased()
        guard let method = RequestOption.Method(rawValue: methodName) else {
            throw UsageError(description: "unknown method \(methodName)")
        }
        var headers = try a.headers()
        if a.last("--data") != nil, !headers.keys.contains(where: { $0.lowercased() == "content-type" }) {
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        }
        if let warning = wire.insecureWarning { FileHandle.standardError.write(Data(warning.utf8)) }
        let session = TaroSession(maxHostConnections: wire.maxHostConnections)
        defer { session.close() }
        var option = RequestOption(
            url: a.positional[0], data: a.last("--data").map { .text($0) }, header: headers, method: method,
            timeout: 0, dataType: "text", responseType: "arraybuffer")
        option.wire = wire.wire
        let task = session.request(option)
        let box = ResultBox<RequestResult>()
        Task {
            do { box.set(.success(try await task.value)) } catch { box.set(.failure(error)) }
        }
        while box.value == nil { Thread.sleep(forTimeInterval: 0.01) }
        switch box.value! {
        case .success(let result):
            let toTerminal = isatty(STDOUT_FILENO) == 1
            if a.has("-i"), let exchange = task.snapshot?.exchange, let response = exchange.responses.last {
                var head = TerminalText.sanitize(response.statusLine) + "\n"
                for field in response.fields {
                    head += TerminalText.sanitize(field.name) + ": " + TerminalText.sanitize(field.value) + "\n"
                }
                FileHandle.standardOutput.write(Data((head + "\n").utf8))
            }
            let body = result.data.bytes ?? []
            // Raw bytes for a pipe or a file; on a terminal, nothing may drive it.
            if toTerminal {
                FileHandle.standardOutput.write(Data(TerminalText.sanitize(bytes: body, limit: Int.max).utf8))
            } else {
                FileHandle.standardOutput.write(Data(body))
            }
            return 0
        case .failure(let error):
            FileHandle.standardError.write(Data("taro-tui: \(TerminalText.sanitize("\(error)"))\n".utf8))
            return 1
        }
    }
}
