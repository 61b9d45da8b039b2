import TaroNet

/// A request to the transfer controller, produced by the pure reducer and
/// carried out by the app loop, so key handling can be tested without one.
public enum ControllerCommand: Sendable, Equatable {
    case queueDownload(url: String, directory: String, checksum: Checksum? = nil)
    /// A pasted curl command: the URL with the headers and cookies it sends.
    case queueDownloadWithHeaders(url: String, directory: String, headers: [String: String])
    /// Several at once: a multi-line paste.
    case queueDownloads(urls: [String], directory: String)
    case queueUpload(filePath: String, url: String, fieldName: String)
    case abort(UInt64)
    case togglePause(UInt64)
    case retry(UInt64)
    case remove(UInt64)
    case move(UInt64, QueueMove)
    case setConcurrencyLimit(Int)
    case setRateLimits(RateLimits)
    case setRateLimit(UInt64, bytesPerSecond: Int64)

    /// Carries the command out.
    public func apply(to controller: any TransferController) {
        switch self {
        case let .queueDownload(url, directory, checksum):
            controller.queueDownload(url: url, directory: directory, checksum: checksum)
        case let .queueDownloadWithHeaders(url, directory, headers):
            controller.queueDownload(url: url, directory: directory, headers: headers)
        case let .queueDownloads(urls, directory):
            controller.queueDownloads(urls: urls, directory: directory)
        case let .queueUpload(filePath, url, fieldName):
            controller.queueUpload(filePath: filePath, url: url, fieldName: fieldName)
        case let .abort(id): controller.abort(id)
        case let .togglePause(id): controller.togglePause(id)
        case let .retry(id): controller.retry(id)
        case let .remove(id): controller.remove(id)
        case let .move(id, move): controller.move(id, move)
        case let .setConcurrencyLimit(n): controller.setConcurrencyLimit(n)
        case let .setRateLimits(limits): controller.setRateLimits(limits)
        case let .setRateLimit(id, rate): controller.setRateLimit(id, bytesPerSecond: rate)
        }
    }
}
