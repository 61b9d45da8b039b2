import CCrypto
import Glibc

/// Hashes a download's bytes with libcrypto as they are written, and
/// checks them once, before the file gets its final name.
///
/// Fed from the file sink's write path with the file offset of each piece.
/// It hashes only a contiguous run from offset 0: a write elsewhere (the
/// ranges of a segmented download, a restarted body) stops the running hash,
/// and `verify` then reads the finished file once instead. A resumed .part
/// has its prefix hashed first, so the running hash continues from it.
final class StreamDigest {
    /// What the file must match: the user's checksum and the server's digests.
    private(set) var expected: [Checksum]
    /// The algorithms whose expected digest the server stated (not the
    /// user): a mismatch says whose word it was.
    private var statedByServer: Set<Checksum.Algorithm> = []
    private var contexts: [(Checksum.Algorithm, OpaquePointer)] = []
    /// The offset the next contiguous byte has; nil once the run is broken.
    private(set) var next: Int64? = 0

    /// A resumed prefix larger than this is not read on the engine thread
    /// (it must not stall every other transfer): the whole file is hashed
    /// at the end instead, on the disk worker.
    static let largestPrefix: Int64 = 64 << 20

    init(expected: [Checksum]) {
        self.expected = []
        start(expected)
    }

    deinit { freeContexts() }

    /// Adds digests learned later (the server's headers). An algorithm not
    /// already running cannot catch up on bytes hashed before: it is
    /// computed from the file at the end.
    func add(_ more: [Checksum]) {
        for checksum in more where !expected.contains(where: { $0.algorithm == checksum.algorithm }) {
            statedByServer.insert(checksum.algorithm)
        }
        start(more)
    }

    /// Expects `more` too, hashing each from here if the run is unbroken.
    private func start(_ more: [Checksum]) {
        for checksum in more where !expected.contains(where: { $0.algorithm == checksum.algorithm }) {
            expected.append(checksum)
            if next == 0, let ctx = taro_digest_new(Self.code(checksum.algorithm)) {
                contexts.append((checksum.algorithm, ctx))
            } else {
                next = nil
            }
        }
    }

    /// One piece of the body, written at `offset` of the file.
    func feed(_ bytes: UnsafeRawPointer, count: Int, at offset: Int64) {
        guard let position = next else { return }
        guard position == offset else {
            next = nil
            return
        }
        for (_, ctx) in contexts { taro_digest_update(ctx, bytes, count) }
        next = position + Int64(count)
    }

    /// The body starts again from byte 0 (a 200 to a ranged request).
    func restart() {
        freeContexts()
        next = 0
        let all = expected
        expected = []
        start(all)
    }

    /// Hashes the first `length` bytes already in the file (a resume), so
    /// the running hash continues after them.
    func hashPrefix(fd: Int32, length: Int64) {
        guard length > 0 else { return }
        // Nothing running to continue (no digest expected, the usual resume):
        // nothing to read. A digest the server states later breaks the run
        // anyway (`add`), and is checked from the file at the end.
        guard !contexts.isEmpty else {
            if next == 0 { next = length }
            return
        }
        guard length <= Self.largestPrefix, next == 0,
              Self.read(fd: fd, length: length, into: contexts.map(\.1)) else {
            next = nil
            return
        }
        next = length
    }

    /// Checks the finished file of `size` bytes; returns what it verified
    /// ("sha256"), or nil when nothing was expected. Throws a failure that
    /// says expected versus got on a mismatch.
    func verify(fd: Int32, size: Int64) throws(TransferFailure) -> String? {
        guard !expected.isEmpty else { return nil }
        var got: [Checksum.Algorithm: [UInt8]] = [:]
        if next == size {
            for (algorithm, ctx) in contexts { got[algorithm] = Self.digest(ctx) }
        } else {
            // The running hash did not see the whole file in order: read it once.
            let fresh = expected.compactMap { c in taro_digest_new(Self.code(c.algorithm)).map { (c.algorithm, $0) } }
            defer { fresh.forEach { taro_digest_free($0.1) } }
            guard fresh.count == expected.count, Self.read(fd: fd, length: size, into: fresh.map(\.1)) else {
                throw .message("cannot read the file back to check its checksum")
            }
            for (algorithm, ctx) in fresh { got[algorithm] = Self.digest(ctx) }
        }
        for checksum in expected {
            let actual = got[checksum.algorithm] ?? []
            if actual != checksum.digest {
                let got = Checksum(algorithm: checksum.algorithm, digest: actual)
                if statedByServer.contains(checksum.algorithm) {
                    throw .message("checksum mismatch: the server's digest header says \(checksum), the file has \(got)")
                }
                throw .message("checksum mismatch: expected \(checksum), got \(got)")
            }
        }
        return expected.map(\.algorithm.rawValue).joined(separator: "+")
    }

    private static func code(_ algorithm: Checksum.Algorithm) -> Int32 {
        switch algorithm {
        case .sha256: return Int32(TARO_DIGEST_SHA256)
        case .sha512: return Int32(TARO_DIGEST_SHA512)
        case .md5: return Int32(TARO_DIGEST_MD5)
        }
    }

    private static func digest(_ ctx: OpaquePointer) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: Int(taro_digest_max_size()))
        let length = out.withUnsafeMutableBufferPointer { taro_digest_peek(ctx, $0.baseAddress) }
        return Array(out.prefix(Int(length)))
    }

    /// Feeds bytes [0, length) of the file to every context, in 1 MiB reads.
    private static func read(fd: Int32, length: Int64, into contexts: [OpaquePointer]) -> Bool {
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        var offset: Int64 = 0
        while offset < length {
            let n = pread(fd, buffer, Int(min(1 << 20, length - offset)), off_t(offset))
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return false }
            for ctx in contexts { taro_digest_update(ctx, buffer, n) }
            offset += Int64(n)
        }
        return true
    }

    private func freeContexts() {
        for (_, ctx) in contexts { taro_digest_free(ctx) }
        contexts = []
    }
}
