import CSystem
import Glibc
import Synchronization

/// Gives an unnamed (O_TMPFILE) file a name, failing with EEXIST rather
/// than replacing anything.
///
/// Through /proc/self/fd, the kernel walks four path components to find
/// the file again: 10 µs of every small download's 36 µs `linkat` in W2
/// (a profile of the disk worker). Linking the descriptor itself
/// (AT_EMPTY_PATH) skips the walk, and since Linux 6.10 the process that
/// opened the file may; an older kernel refuses with ENOENT unless the
/// process has CAP_DAC_READ_SEARCH. The first refusal that the /proc way
/// then overcomes settles it: every later link goes through /proc at once.
enum UnnamedLink {
    private static let unknown = 0, direct = 1, throughProc = 2
    private static let way = Atomic<Int>(unknown)

    /// 0 on success; -1 with errno set, as linkat(2).
    static func link(_ fd: Int32, to path: String) -> Int32 {
        let known = way.load(ordering: .relaxed)
        if known == throughProc { return taro_link_unnamed(fd, path) }
        if taro_link_unnamed_direct(fd, path) == 0 {
            way.store(direct, ordering: .relaxed)
            return 0
        }
        let err = errno
        // Once the direct way has worked, ENOENT means what it says (no such directory).
        guard err == ENOENT, known == unknown else {
            errno = err
            return -1
        }
        let result = taro_link_unnamed(fd, path)
        if result == 0 { way.store(throughProc, ordering: .relaxed) }
        return result
    }
}
