// OpenSSL's libcrypto message digests, reached through EVP. The helpers
// below pick an algorithm by a small number so Swift never handles an
// EVP_MD pointer, and give the digest length without a macro.
#ifndef TARO_CCRYPTO_SHIM_H
#define TARO_CCRYPTO_SHIM_H
#include <openssl/evp.h>

enum { TARO_DIGEST_SHA256 = 0, TARO_DIGEST_SHA512 = 1, TARO_DIGEST_MD5 = 2 };

static inline const EVP_MD *taro_digest_md(int algorithm) {
    switch (algorithm) {
    case TARO_DIGEST_SHA512: return EVP_sha512();
    case TARO_DIGEST_MD5: return EVP_md5();
    default: return EVP_sha256();
    }
}

/// A fresh context for `algorithm`, or NULL when libcrypto refuses it.
static inline EVP_MD_CTX *taro_digest_new(int algorithm) {
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    if (ctx && EVP_DigestInit_ex(ctx, taro_digest_md(algorithm), NULL) != 1) {
        EVP_MD_CTX_free(ctx);
        return NULL;
    }
    return ctx;
}

static inline int taro_digest_update(EVP_MD_CTX *ctx, const void *data, size_t count) {
    return EVP_DigestUpdate(ctx, data, count);
}

/// Writes the digest of what was fed so far into `out` (EVP_MAX_MD_SIZE
/// bytes) and returns its length; the context itself keeps running, so a
/// hash can be read and then extended.
static inline int taro_digest_peek(const EVP_MD_CTX *ctx, unsigned char *out) {
    EVP_MD_CTX *copy = EVP_MD_CTX_new();
    unsigned int length = 0;
    if (!copy) return 0;
    if (EVP_MD_CTX_copy_ex(copy, ctx) != 1 || EVP_DigestFinal_ex(copy, out, &length) != 1) length = 0;
    EVP_MD_CTX_free(copy);
    return (int)length;
}

static inline EVP_MD_CTX *taro_digest_copy(const EVP_MD_CTX *ctx) {
    EVP_MD_CTX *copy = EVP_MD_CTX_new();
    if (copy && EVP_MD_CTX_copy_ex(copy, ctx) != 1) {
        EVP_MD_CTX_free(copy);
        return NULL;
    }
    return copy;
}

static inline void taro_digest_free(EVP_MD_CTX *ctx) { EVP_MD_CTX_free(ctx); }

static inline int taro_digest_max_size(void) { return EVP_MAX_MD_SIZE; }

#endif
