import Foundation
import TaroNet
import TaroTUI

/// Transfers in every state, with fixed numbers so rendered screens are
/// reproducible.
enum Fixtures {
    static let MiB: Int64 = 1_048_576
    static let epoch = Date(timeIntervalSince1970: 1_700_000_000)

    static func item(_ id: UInt64, _ name: String, _ state: TransferSnapshot.State, kind: TransferSnapshot.Kind = .download,
                     done: Int64 = 0, total: Int64? = nil, speed: Double = 0, error: String? = nil,
                     status: Int? = nil, exchange: HTTPExchange = HTTPExchange()) -> TransferSnapshot {
        TransferSnapshot(id: id, kind: kind, url: "https://example.com/files/\(id)", name: name, state: state,
                         bytesDone: done, bytesTotal: total, bytesPerSecond: speed, statusCode: status,
                         errorMessage: error, localPath: "/tmp/x/\(name)", exchange: exchange, queuedAt: epoch)
    }

    /// One of everything: the states, an upload, unknown length, a wide name.
    static let mixed: [TransferSnapshot] = [
        item(1, "ubuntu-24.04-desktop-amd64.iso", .active, done: 1536 * MiB, total: 5836 * MiB, speed: 12.5 * Double(MiB)),
        item(2, "数据集-データ.bin", .active, done: 3 * MiB, total: 10 * MiB, speed: 512 * 1024),
        item(3, "stream.log", .active, done: 2 * MiB + 300 * 1024, total: nil, speed: 100 * 1024),
        item(4, "photo.jpg", .queued, kind: .upload, done: 0, total: 2 * MiB),
        item(5, "paused.tar.gz", .paused, done: 40 * MiB, total: 100 * MiB),
        item(6, "done.zip", .done, done: 12 * MiB, total: 12 * MiB, status: 200),
        item(7, "timeout.bin", .failed, done: 1 * MiB, total: 8 * MiB, error: "downloadFile:fail timeout"),
        item(8, "aborted.iso", .aborted, done: 300 * MiB, total: 700 * MiB),
        item(9, "connecting.dat", .connecting),
    ]

    static let exchange: HTTPExchange = {
        var exchange = HTTPExchange()
        exchange.requestLine = "GET /files/6 HTTP/1.1"
        exchange.requestFields = [
            .init(name: "Host", value: "example.com"),
            .init(name: "Authorization", value: "Bearer s3cr3t"),
            .init(name: "Accept", value: "*/*"),
        ]
        exchange.responses = [
            .init(statusLine: "HTTP/1.1 302 Found", statusCode: 302,
                  fields: [.init(name: "Location", value: "/files/6.zip")]),
            .init(statusLine: "HTTP/1.1 200 OK", statusCode: 200, fields: [
                .init(name: "Content-Type", value: "application/zip"),
                .init(name: "Content-Length", value: "12582912"),
                .init(name: "ETag", value: "\"abc123\""),
            ]),
        ]
        exchange.effectiveURL = "https://example.com/files/6.zip"
        exchange.remoteAddress = "93.184.216.34:443"
        exchange.httpVersion = "1.1"
        exchange.timings = .init(nameLookup: 0.0012, connect: 0.015, tlsHandshake: 0.042, firstByte: 0.09, total: 1.5)
        return exchange
    }()

    /// `count` active downloads with distinct names and progress.
    static func many(_ count: Int) -> [TransferSnapshot] {
        var items: [TransferSnapshot] = []
        items.reserveCapacity(count)
        for index in 0..<count {
            let state: TransferSnapshot.State = index % 7 == 0 ? .queued : .active
            let done: Int64 = Int64(index % 100) * MiB
            let speed: Double = Double(index % 13) * 1000
            items.append(item(UInt64(index + 1), "file-\(index + 1).bin", state, done: done, total: 100 * MiB, speed: speed))
        }
        return items
    }
}
