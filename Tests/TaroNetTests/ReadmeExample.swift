import Foundation
import TaroNet

// The example program of README.md, word for word between the markers;
// ReadmeExampleTests checks that the two stay the same and runs it.
// README-BEGIN
func fetch(_ url: String, to path: String) async throws -> DownloadFileResult {
    let task = Taro.downloadFile(DownloadFileOption(url: url, filePath: path))
    task.onHeadersReceived { res in
        print("status \(res.statusCode), length \(res.header["Content-Length"] ?? "unknown")")
    }
    task.onProgressUpdate { p in
        print("\(p.progress)%  \(p.totalBytesWritten) of \(p.totalBytesExpectedToWrite) bytes")
    }
    let result = try await task.value  // throws TaroError ("downloadFile:fail …")
    print(result.errMsg, result.statusCode, result.dataLength)
    return result
}
// README-END
