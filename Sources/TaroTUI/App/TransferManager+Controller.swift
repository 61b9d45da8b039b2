import TaroNet

/// The real controller: the TUI drives TaroNet's transfer manager, whose
/// `changes(since:)` is the feed the TUI reads.
extension TransferManager: TransferController {
    public func queueDownload(url: String, directory: String, checksum: Checksum?) {
        addDownload(url: url, directory: directory, checksum: checksum)
    }

    public func queueDownload(url: String, directory: String, headers: [String: String]) {
        addDownload(url: url, directory: directory, headers: headers)
    }

    public func queueDownloads(urls: [String], directory: String) {
        addDownloads(urls: urls, directory: directory)
    }

    public func move(_ id: UInt64, _ move: QueueMove) {
        _ = self.move(id, move) as Bool
    }

    public func queueUpload(filePath: String, url: String, fieldName: String) {
        addUpload(filePath: filePath, url: url, fieldName: fieldName)
    }
}
