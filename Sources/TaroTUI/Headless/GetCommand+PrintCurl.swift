import Foundation
import TaroNet

/// `taro-tui get --print-curl`: what `get` would do, as curl commands, one
/// per URL, run by nothing. Useful to hand a download to a machine without
/// taro-tui, or to see what is sent.
extension GetCommand {
    /// Network options whose meaning curl shares; the rest (segments,
    /// per-host connections) are how Taro schedules, which curl has no
    /// word for.
    private static let sharedWithValue = ["--cacert", "--capath", "--proxy", "--noproxy", "--netrc-file",
                                          "-b", "--cookie", "-c", "--cookie-jar", "-A", "--user-agent", "--connect-timeout"]
    private static let sharedSwitches = ["-k", "--insecure", "--netrc", "--http1.1", "--http2"]

    static func printCurl(_ a: HeadlessArguments, list: URLListReader?, headers: [String: String], directory: String,
                          output: String?) -> Int32 {
        let revealSecrets = a.has("--show-secrets")
        var options: [String] = []
        for flag in sharedSwitches where a.has(flag) { options.append(flag) }
        for flag in sharedWithValue { for value in a.all(flag) { options += [flag, value] } }
        // The last of -u and --user, as WireFlags (and so get) takes them.
        let credentials = a.ordered.last { $0.flag == "-u" || $0.flag == "--user" }?.value
        let fields = headers.keys.sorted().map { CurlCommand.Header(name: $0, value: headers[$0]!) }
        var status: Int32 = 0
        func emit(_ url: String) {
            // A .part left by an interrupted `get -o` is continued, as get would.
            let partBytes = output.flatMap { path in
                (try? FileManager.default.attributesOfItem(atPath: path + ".part"))?[.size] as? Int64
            } ?? 0
            var command = CurlCommand(url: url, headers: fields, credentials: credentials, outputPath: output,
                                      outputDirectory: output == nil ? directory : nil, resumeBytes: partBytes)
            command.options = options
            print(command.shellText(revealSecrets: revealSecrets))
        }
        for url in a.positional { emit(url) }
        // A list line may carry a checksum after the URL; curl has no use for it.
        while let list, let text = list.next() {
            do throws(Checksum.ParseError) {
                emit(try DownloadLine.parse(text).url)
            } catch {
                FileHandle.standardError.write(Data("\(list.name):\(list.lineNumber): \(error)\n".utf8))
                status = 1
            }
        }
        if let list, let error = list.readError {
            FileHandle.standardError.write(Data("\(list.name): \(error); the rest of the list was not read\n".utf8))
            status = 1
        }
        return status
    }
}
