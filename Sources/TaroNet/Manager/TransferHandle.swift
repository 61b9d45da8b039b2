import Foundation

/// What the manager needs of a task, whatever its kind.
protocol TransferHandle: Sendable {
    var snapshot: TransferSnapshot? { get }
    /// Grows whenever the snapshot changed.
    var version: UInt64 { get }
    func abort()
    func pause()
    func resume()
    /// The failure of a task refused before it started (bad URL, missing file).
    var refusalMessage: String? { get }
}

extension TaroTask: TransferHandle {
    var version: UInt64 { core?.version ?? 0 }

    /// The reason alone ("unsupported protocol: ftp …"), as rows show failures.
    var refusalMessage: String? {
        guard core == nil, let message = hub.settledError?.errMsg else { return nil }
        return message.range(of: ":fail ").map { String(message[$0.upperBound...]) } ?? message
    }
}

extension TransferHandle {
    /// A row for a task that never started, so the list still shows why.
    func refusedSnapshot(id: UInt64, request: TransferRequest) -> TransferSnapshot {
        switch request {
        case .download(let url, let path, _):
            return TransferSnapshot(id: id, kind: .download, url: URLRedaction.withoutUserinfo(url),
                                    name: (path as NSString).lastPathComponent, state: .failed,
                                    errorMessage: refusalMessage, localPath: path)
        case .upload(let filePath, let url, _, _, _):
            return TransferSnapshot(id: id, kind: .upload, url: URLRedaction.withoutUserinfo(url),
                                    name: (filePath as NSString).lastPathComponent, state: .failed,
                                    errorMessage: refusalMessage, localPath: filePath)
        }
    }
}
