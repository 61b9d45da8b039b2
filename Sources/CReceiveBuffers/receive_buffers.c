// See include/receive_buffers.h for why curl's receive buffers are pooled.
// curl calls these from any thread (the engine, its resolver threads), so
// the pool is one atomic bitmap: a set bit is a lent slot.
#include "receive_buffers.h"

#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

enum { SLOTS = 64, KEEP_RESIDENT = 64 * 1024, PAGE = 4096 };

static size_t pooledSize;          // what curl asks for; 0: pooling off
static size_t slotBytes;           // pooledSize rounded up to pages
static _Atomic(char *) region;     // SLOTS * slotBytes, reserved on first use
static _Atomic uint64_t lent;      // bit i: slot i is curl's
static _Atomic long misses;

void taro_receive_buffers_configure(size_t bufferBytes) {
    pooledSize = bufferBytes;
    slotBytes = (bufferBytes + PAGE - 1) / PAGE * PAGE;
}

// The region is address space only (MAP_NORESERVE): a page costs memory
// once curl writes to it. Reserved by whichever thread first needs it.
static char *poolRegion(void) {
    char *base = atomic_load_explicit(&region, memory_order_acquire);
    if (base) return base;
    void *mapped = mmap(NULL, SLOTS * slotBytes, PROT_READ | PROT_WRITE,
                        MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (mapped == MAP_FAILED) return NULL;
    char *expected = NULL;
    if (!atomic_compare_exchange_strong(&region, &expected, (char *)mapped)) {
        munmap(mapped, SLOTS * slotBytes);
        return expected;
    }
    return mapped;
}

static void *takeSlot(void) {
    char *base = poolRegion();
    if (!base) return NULL;
    uint64_t bits = atomic_load_explicit(&lent, memory_order_relaxed);
    while (bits != UINT64_MAX) {
        int slot = __builtin_ctzll(~bits);
        if (atomic_compare_exchange_weak_explicit(&lent, &bits, bits | (1ULL << slot),
                                                  memory_order_acquire, memory_order_relaxed))
            return base + (size_t)slot * slotBytes;
    }
    atomic_fetch_add_explicit(&misses, 1, memory_order_relaxed);
    return NULL;
}

// The slot `ptr` lies in, or -1 when it is not the pool's.
static int slotOf(const void *ptr) {
    char *base = atomic_load_explicit(&region, memory_order_acquire);
    if (!base || (const char *)ptr < base || (const char *)ptr >= base + SLOTS * slotBytes) return -1;
    return (int)(((const char *)ptr - base) / slotBytes);
}

static void returnSlot(int slot) {
    char *start = atomic_load_explicit(&region, memory_order_relaxed) + (size_t)slot * slotBytes;
    // Pages never written are not mapped, so for a small body this finds
    // nothing to drop and costs no TLB flush.
    if (slotBytes > KEEP_RESIDENT) madvise(start + KEEP_RESIDENT, slotBytes - KEEP_RESIDENT, MADV_DONTNEED);
    atomic_fetch_and_explicit(&lent, ~(1ULL << slot), memory_order_release);
}

void *taro_receive_buffers_malloc(size_t size) {
    if (pooledSize != 0 && size == pooledSize) {
        void *slot = takeSlot();
        if (slot) return slot;
    }
    return malloc(size);
}

void taro_receive_buffers_free(void *ptr) {
    if (!ptr) return;
    int slot = slotOf(ptr);
    if (slot >= 0) returnSlot(slot);
    else free(ptr);
}

void *taro_receive_buffers_realloc(void *ptr, size_t size) {
    int slot = ptr ? slotOf(ptr) : -1;
    if (slot < 0) return realloc(ptr, size);
    if (size <= slotBytes) return ptr;
    void *moved = malloc(size);
    if (!moved) return NULL;
    memcpy(moved, ptr, slotBytes);
    returnSlot(slot);
    return moved;
}

char *taro_receive_buffers_strdup(const char *str) { return strdup(str); }

void *taro_receive_buffers_calloc(size_t count, size_t size) { return calloc(count, size); }

int taro_receive_buffers_in_use(void) {
    return __builtin_popcountll(atomic_load_explicit(&lent, memory_order_relaxed));
}

long taro_receive_buffers_misses(void) { return atomic_load_explicit(&misses, memory_order_relaxed); }
