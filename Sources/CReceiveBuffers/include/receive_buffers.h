// Allocation hooks handed to curl (curl_global_init_mem) that keep curl's
// receive buffers in a fixed pool instead of one mapping each.
//
// Why: glibc's mmap threshold is pinned (CurlGlobal), so every 512 KiB
// receive buffer was its own mmap, first written page by page (a fault
// each) and unmapped at the end of its transfer, which on a multithreaded
// process also flushes the other cores' TLBs. For 1000 small files that
// was 9 % of all the CPU a run took. A pooled buffer keeps its pages
// mapped for the next transfer; when it comes back, everything past its
// first 64 KiB is given back to the kernel (a big download's pages do not
// stay resident; a small one's never got that far).
#ifndef TARO_RECEIVE_BUFFERS_H
#define TARO_RECEIVE_BUFFERS_H
#include <stddef.h>

// Declares the size curl asks for when it allocates a receive buffer
// (CURLOPT_BUFFERSIZE + 1). Call once, before curl_global_init_mem; other
// sizes are never pooled.
void taro_receive_buffers_configure(size_t bufferBytes);

void *taro_receive_buffers_malloc(size_t size);
void taro_receive_buffers_free(void *ptr);
void *taro_receive_buffers_realloc(void *ptr, size_t size);
char *taro_receive_buffers_strdup(const char *str);
void *taro_receive_buffers_calloc(size_t count, size_t size);

// How many pooled buffers are lent out now, and how many allocations of
// the pooled size the pool could not serve since start (for tests).
int taro_receive_buffers_in_use(void);
long taro_receive_buffers_misses(void);
#endif
