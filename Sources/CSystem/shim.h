// Linux calls the Glibc module hides behind _GNU_SOURCE.
#ifndef TARO_CSYSTEM_SHIM_H
#define TARO_CSYSTEM_SHIM_H
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/resource.h>
#include <sys/prctl.h>
#include <malloc.h>

// Starts writeback of a file's dirty pages without waiting for it
// (sync_file_range with SYNC_FILE_RANGE_WRITE), so the fsync that makes a
// finished download durable has little left to do.
static inline int taro_start_writeback(int fd) {
    return (int)syscall(SYS_sync_file_range, fd, (long long)0, (long long)0, 2U);
}

// rename(2) that fails with EEXIST instead of replacing the target
// (renameat2 with RENAME_NOREPLACE): one directory operation where
// link + unlink take two. EINVAL or ENOSYS where the filesystem or kernel
// lacks it; callers fall back to link + unlink.
static inline int taro_rename_noreplace(const char *from, const char *to) {
    return (int)syscall(SYS_renameat2, -100 /* AT_FDCWD */, from, -100, to, 1U /* RENAME_NOREPLACE */);
}
// Makes everything written to the filesystem holding `fd` durable, in one
// journal commit: how a batch of finished downloads shares one sync.
static inline int taro_syncfs(int fd) {
    return (int)syscall(SYS_syncfs, fd);
}

// Opens a file with no name in `directory` (O_TMPFILE): until it is linked
// (taro_link_unnamed) nothing shows in the directory, and closing it
// unlinked leaves nothing behind. -1 with EOPNOTSUPP, EISDIR or EINVAL
// where the filesystem or kernel cannot.
static inline int taro_open_unnamed(const char *directory, unsigned mode) {
    return (int)syscall(SYS_openat, -100 /* AT_FDCWD */, directory,
                        020200000 /* O_TMPFILE */ | 02 /* O_RDWR */ | 02000000 /* O_CLOEXEC */, mode);
}

// Gives the unnamed file open as `fd` the name `to`, failing with EEXIST
// rather than replacing anything: linkat through /proc/self/fd, which needs
// no privilege (AT_EMPTY_PATH would need CAP_DAC_READ_SEARCH).
static inline int taro_link_unnamed(int fd, const char *to) {
    char from[40];
    snprintf(from, sizeof from, "/proc/self/fd/%d", fd);
    return (int)syscall(SYS_linkat, -100, from, -100, to, 0x400 /* AT_SYMLINK_FOLLOW */);
}

// The same link without the walk through /proc (linkat AT_EMPTY_PATH on
// the descriptor itself). Linux 6.10 lets the process that opened the
// file do this; before, only CAP_DAC_READ_SEARCH could, and the call
// fails with ENOENT (see UnnamedLink).
static inline int taro_link_unnamed_direct(int fd, const char *to) {
    return (int)syscall(SYS_linkat, fd, "", -100, to, 0x1000 /* AT_EMPTY_PATH */);
}

// Fixes glibc's mmap threshold (mallopt M_MMAP_THRESHOLD), which also
// stops glibc from raising it by itself: see CurlGlobal for why.
static inline int taro_pin_mmap_threshold(int bytes) {
    return mallopt(M_MMAP_THRESHOLD, bytes);
}

// The calling thread's nice value (Linux schedules threads, so
// PRIO_PROCESS with a thread id sets that thread's alone). 0 on success.
static inline int taro_set_thread_nice(int nice) {
    return setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), nice);
}

// Every thread allocates from glibc's one main arena (mallopt M_ARENA_MAX);
// see MallocArenas for why. 1 on success.
static inline int taro_malloc_one_arena(void) {
    return mallopt(M_ARENA_MAX, 1);
}

// Names the calling thread as ps, top -H and perf show it (prctl
// PR_SET_NAME; the kernel keeps the first 15 bytes). 0 on success.
static inline int taro_name_thread(const char *name) {
    return prctl(PR_SET_NAME, (unsigned long)name, 0UL, 0UL, 0UL);
}
#endif
