import Foundation

/// A fresh directory under /tmp, removed when the test ends.
struct TestDirectory {
    let path: String

    init() {
        var template = Array((NSTemporaryDirectory() + "taro-test-XXXXXX").utf8CString)
        path = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
    }

    func file(_ name: String) -> String { path + "/" + name }

    func remove() { try? FileManager.default.removeItem(atPath: path) }

    var contents: [String] { (try? FileManager.default.contentsOfDirectory(atPath: path))?.sorted() ?? [] }
}

func fileExists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

func fileSize(_ path: String) -> Int64 {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.int64Value ?? -1
}

/// sha256sum's answer for a file: an independent check of what we wrote.
func sha256sum(_ path: String) throws -> String { try coreutilsSum("sha256sum", path) }

/// The answer of coreutils' `tool` (sha256sum, sha512sum, md5sum) for a file.
func coreutilsSum(_ tool: String, _ path: String) throws -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/" + tool)
    p.arguments = [path]
    let out = Pipe()
    p.standardOutput = out
    try p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return String(decoding: data, as: UTF8.self).split(separator: " ").first.map(String.init) ?? ""
}
