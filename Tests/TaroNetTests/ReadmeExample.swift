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

// The same with Swift concurrency: the events as streams that end when the
// task settles, and cancelling the Task that awaits `value` aborts the download.
func fetchAsync(_ url: String, to path: String) async throws -> DownloadFileResult {
    let task = Taro.downloadFile(DownloadFileOption(url: url, filePath: path))
    for await res in task.headers {
        print("status \(res.statusCode)")
    }
    for await p in task.progressUpdates {  // a slow reader gets the newest
        print("\(p.progress)%")
    }
    return try await task.value
}
// README-END
