import Foundation

/// Substring search over raw memory. glibc's memmem is not visible to Swift
/// (it needs _GNU_SOURCE), so this scans with memchr for the needle's first
/// byte and confirms with memcmp — both vectorised C, which keeps a
/// gibibyte-sized multipart upload fast even in a debug build.
enum ByteSearch {
    static func firstIndex(of needle: UnsafeRawBufferPointer, in haystack: UnsafeRawBufferPointer) -> Int? {
        guard let needleBase = needle.baseAddress, let base = haystack.baseAddress,
              needle.count > 0, haystack.count >= needle.count else { return nil }
        let first = Int32(needle[0])
        let lastStart = haystack.count - needle.count
        var offset = 0
        while offset <= lastStart {
            guard let hit = memchr(base + offset, first, lastStart - offset + 1) else { return nil }
            let position = base.distance(to: UnsafeRawPointer(hit))
            if memcmp(hit, needleBase, needle.count) == 0 { return position }
            offset = position + 1
        }
        return nil
    }

    static func firstIndex(of needle: [UInt8], in haystack: UnsafeRawBufferPointer) -> Int? {
        needle.withUnsafeBytes { firstIndex(of: $0, in: haystack) }
    }
}
