import Foundation
import TaroNet

/// `taro-tui upload [--put] [--name FIELD] [--form K=V]... [-H 'K: V']... [--json] FILE URL`
enum UploadCommand {
    static func run(_ args: [String]) throws -> Int32 {
        let a = try HeadlessArguments(try ConfigFile.rateArguments() + args,
                                      withValue: Set(["--name", "--form", "-H"]).union(RateFlags.withValue)
                                          .union(WireFlags.withValue),
                                      switches: Set(["--put", "--json"]).union(WireFlags.switches))
        let rates = try a.rateFlags()
        let wire = try a.wireFlags()
        guard a.positional.count == 2 else {
            throw UsageError(description: "upload needs FILE and URL")
        }
        var form: [String: String] = [:]
        for pair in a.all("--form") {
            guard let eq = pair.firstIndex(of: "="), eq != pair.startIndex else {
                throw UsageError(description: "--form wants K=V, not \(pair)")
            }
            form[String(pair[..<eq])] = String(pair[pair.index(after: eq)...])
        }
        if let warning = wire.insecureWarning { FileHandle.standardError.write(Data(warning.utf8)) }
        let session = TaroSession(maxHostConnections: wire.maxHostConnections)
        defer { session.close() }
        session.setRateLimits(rates.global)
        let reporter = HeadlessReporter(json: a.has("--json"))
        var option = UploadFileOption(
            url: a.positional[1], filePath: LocalPath.canonicalFile(a.positional[0]), name: a.last("--name") ?? "file",
            header: try a.headers(), formData: form, timeout: 0, method: a.has("--put") ? .put : .multipart,
            maxSendRate: rates.each.upload)
        option.wire = wire.wire
        let task = session.uploadFile(option)
        let box = ResultBox<UploadFileResult>()
        Task {
            do { box.set(.success(try await task.value)) } catch { box.set(.failure(error)) }
        }
        while box.value == nil {
            Thread.sleep(forTimeInterval: 0.05)
            if let snap = task.snapshot { reporter.observe([snap]) }
        }
        if let snap = task.snapshot { reporter.observe([snap]) }
        switch box.value! {
        case .success(let result):
            if task.snapshot == nil { return 0 }
            if reporter.mode != .json {
                // The server's answer is the upload's result: show it, escaped.
                print(TerminalText.sanitize(result.data, limit: 64 * 1024))
            }
            return (200..<300).contains(result.statusCode) ? 0 : 1
        case .failure(let error):
            if task.snapshot == nil {
                // Refused before it started (missing file, bad URL): no row was reported.
                FileHandle.standardError.write(Data("taro-tui: \(TerminalText.sanitize("\(error)"))\n".utf8))
            }
            return 1
        }
    }
}
