/* SHA-256 (FIPS 180-4) for provenance: the manifests record the hash of
 * every input so a reader can tell exactly which data a figure came from.
 * Hand-written (about 100 lines, checked against the FIPS test vectors in
 * tests/unit/test_sha256.c) rather than pulling in libcrypto for one hash. */
#ifndef WF_SHA256_H
#define WF_SHA256_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct sha256_ctx {
    uint32_t h[8];
    uint64_t bytes;
    unsigned char buf[64];
    size_t fill;
    bool shani;   /* the CPU's SHA extensions do the blocks (asked once, at init) */
} sha256_ctx;

void sha256_init(sha256_ctx *c);
void sha256_update(sha256_ctx *c, const void *data, size_t n);
void sha256_final(sha256_ctx *c, unsigned char out[32]);
/* Lower-case hex of the hash of data: out must hold 65 bytes. */
void sha256_hex(const void *data, size_t n, char out[65]);
/* Hash of a file's bytes; -1 when it cannot be read. */
int sha256_file_hex(const char *path, char out[65]);

#endif
