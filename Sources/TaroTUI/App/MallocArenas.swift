import CSystem

/// How the TUI process asks glibc's malloc to keep its memory.
public enum MallocArenas {
    /// Every thread allocates from one arena. By default glibc gives each
    /// thread that meets contention an arena of its own (up to eight per
    /// core), and what one thread frees stays in its arena for that thread:
    /// with the engine, the importer, the persister and the screen each
    /// allocating and freeing rows' worth of memory, the TUI at 100,000 rows
    /// grew from 115 to 130 MiB resident as the list ran, where one arena
    /// stayed flat at 110 MiB. The price, a lock taken by a second thread
    /// now and then, is nothing on a program whose threads mostly wait.
    /// Call before any thread starts: arenas already made stay.
    public static func useOne() {
        _ = taro_malloc_one_arena()
    }
}
