import Foundation
import TaroNet

/// `taro-tui get --print-curl`: what `get` would do, as curl commands, one
/// per URL, run by nothing. Useful to hand a download to a machine without
/// taro-tui, or to see what is sent.
extension GetCommand {
    static func printCurl(_ urls: [String], list: URLListReader?, headers: [String: String], directory: String,
                          output: String?, revealSecrets: Bool) -> Int32 {
        let fields = headers.keys.sorted().map { CurlCommand.Header(name: $0, value: headers[$0]!) }
        var status: Int32 = 0
        func emit(_ url: String) {
            // A .part left by an interrupted `get -o` is continued, as get would.
            let partBytes = output.flatMap { path in
                (try? FileManager.default.attributesOfItem(atPath: path + ".part"))?[.size] as? Int64
            } ?? 0
            let command = CurlCommand(url: url, headers: fields, outputPath: output,
                                      outputDirectory: output == nil ? directory : nil, resumeBytes: partBytes)
            print(command.shellText(revealSecrets: revealSecrets))
        }
        for url in urls { emit(url) }
        // A list line may carry a checksum after the URL; curl has no use for it.
        while let list, let text = list.next() {
            do throws(Checksum.ParseError) {
                emit(try DownloadLine.parse(text).url)
            } catch {
                FileHandle.standardError.write(Data("\(list.name):\(list.lineNumber): \(error)\n".utf8))
                status = 1
            }
        }
        return status
    }
}
