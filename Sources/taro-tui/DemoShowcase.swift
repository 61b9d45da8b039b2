import Foundation
import TaroNet
import TaroServer

/// `taro-tui --demo`: the built-in loopback server and a queue that shows
/// every kind of row — fast, slow, unknown length, redirected, server-named,
/// failing, and an upload — with no network needed.
enum DemoShowcase {
    struct Running {
        let server: TaroServer
        /// Created for the demo, removed when it ends.
        let scratchDirectory: String
    }

    static func start(manager: TransferManager, downloadDirectory: String) throws -> Running {
        let server = try TaroServer()
        let scratch = try makeTemporaryDirectory(prefix: "taro-demo-upload")
        let upload = scratch + "/holiday-photos.tar"
        _ = FileManager.default.createFile(atPath: upload, contents: Data(DeterministicBody.bytes(seed: 8, count: 48 << 20)))
        let downloads: [(String, String?)] = [
            ("/bytes/1073741824?seed=1&rate=40000000", "ubuntu-24.04-desktop-amd64.iso"),
            ("/bytes/20971520?seed=2&rate=262144", "slow-mirror.tar.gz"),
            ("/bytes/31457280?seed=3&nolength=1&rate=1048576", "live-stream.ts"),
            ("/redirect/3?to=/bytes/8388608%3Fseed%3D4%26rate%3D2097152", nil),
            ("/bytes/4194304?seed=5&rate=524288&dispo=attachment%3B%20filename%3D%22quarterly%20report.pdf%22", nil),
            ("/status/404", "missing.bin"),
            ("/bytes/2000000?seed=6&rate=100000&h=X-Demo:%20%1B%5B2J%20escaped%20on%20screen", "hostile-header.bin"),
        ]
        for (path, name) in downloads {
            manager.addDownload(url: server.url(path), directory: downloadDirectory, fileName: name)
        }
        manager.addUpload(filePath: upload, url: server.url("/upload"), fieldName: "file")
        return Running(server: server, scratchDirectory: scratch)
    }

    static func stop(_ running: Running) {
        running.server.stop()
        try? FileManager.default.removeItem(atPath: running.scratchDirectory)
    }

    static func makeTemporaryDirectory(prefix: String) throws -> String {
        var template = Array((NSTemporaryDirectory() + prefix + "-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw POSIXError(.EIO)
        }
        return String(cString: made)
    }
}
