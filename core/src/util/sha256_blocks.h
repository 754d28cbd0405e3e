/* The SHA-256 compression function, two ways (internal to util/sha256.c and
 * its tests): portable C, and the x86 SHA extensions (SHA-NI), which hash
 * about 5x faster; hashing every input of a build was a fifth of the build's
 * serial work in the parent. Each processes n whole 64-byte blocks at p into
 * the state h. */
#ifndef WF_SHA256_BLOCKS_H
#define WF_SHA256_BLOCKS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

void sha256_blocks_portable(uint32_t h[8], const unsigned char *p, size_t n);
/* Only when sha256_have_shani(). */
void sha256_blocks_shani(uint32_t h[8], const unsigned char *p, size_t n);
/* Whether this CPU has the SHA extensions (and SSE4.1); false on other
 * architectures and under valgrind, whose CPUID does not report them. */
bool sha256_have_shani(void);

#endif
