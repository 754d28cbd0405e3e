/* SHA-256 blocks with the x86 SHA extensions: sha256rnds2 does two rounds
 * on the state held as ABEF/CDGH, sha256msg1/msg2 extend the message
 * schedule four words at a time. Checked against the portable code on
 * random inputs of every length up to 4 KiB (tests/unit/test_sha256.c). */
#include "util/sha256_blocks.h"

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#include <immintrin.h>

extern const uint32_t sha256_k[64];

/* CPUID leaf 7 EBX bit 29: SHA (clang 14's __builtin_cpu_supports does not
 * know "sha"); SSSE3 and SSE4.1 from libgcc's cached answer, no cpuid. */
bool sha256_have_shani(void)
{
    unsigned a, b, c, d;
    __builtin_cpu_init();
    if (!__builtin_cpu_supports("ssse3") || !__builtin_cpu_supports("sse4.1"))
        return false;
    return __get_cpuid_count(7, 0, &a, &b, &c, &d) && (b & (1u << 29));
}

__attribute__((target("sha,sse4.1,ssse3"))) void sha256_blocks_shani(uint32_t h[8], const unsigned char *p,
                                                                      size_t n)
{
    /* big-endian words: byte swap within each 32-bit lane */
    const __m128i bswap = _mm_set_epi64x(0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);
    __m128i tmp = _mm_loadu_si128((const __m128i *)(const void *)&h[0]);  /* DCBA */
    __m128i st1 = _mm_loadu_si128((const __m128i *)(const void *)&h[4]);  /* HGFE */
    tmp = _mm_shuffle_epi32(tmp, 0xB1);                                   /* CDAB */
    st1 = _mm_shuffle_epi32(st1, 0x1B);                                   /* EFGH */
    __m128i st0 = _mm_alignr_epi8(tmp, st1, 8);                           /* ABEF */
    st1 = _mm_blend_epi16(st1, tmp, 0xF0);                                /* CDGH */
    for (; n > 0; n--, p += 64) {
        __m128i abef = st0, cdgh = st1, w[4];
        for (int g = 0; g < 16; g++) { /* four rounds per step */
            if (g < 4)
                w[g] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(const void *)(p + 16 * g)), bswap);
            __m128i msg = _mm_add_epi32(w[g & 3], _mm_loadu_si128((const __m128i *)(const void *)&sha256_k[4 * g]));
            st1 = _mm_sha256rnds2_epu32(st1, st0, msg);
            if (g >= 3 && g <= 14) { /* words 4(g+1)..4(g+1)+3 of the schedule */
                __m128i t = _mm_alignr_epi8(w[g & 3], w[(g - 1) & 3], 4);
                w[(g + 1) & 3] = _mm_sha256msg2_epu32(_mm_add_epi32(w[(g + 1) & 3], t), w[g & 3]);
            }
            st0 = _mm_sha256rnds2_epu32(st0, st1, _mm_shuffle_epi32(msg, 0x0E));
            if (g >= 1 && g <= 12)
                w[(g - 1) & 3] = _mm_sha256msg1_epu32(w[(g - 1) & 3], w[g & 3]);
        }
        st0 = _mm_add_epi32(st0, abef);
        st1 = _mm_add_epi32(st1, cdgh);
    }
    tmp = _mm_shuffle_epi32(st0, 0x1B);    /* FEBA */
    st1 = _mm_shuffle_epi32(st1, 0xB1);    /* DCHG */
    st0 = _mm_blend_epi16(tmp, st1, 0xF0); /* DCBA */
    st1 = _mm_alignr_epi8(st1, tmp, 8);    /* HGFE */
    _mm_storeu_si128((__m128i *)(void *)&h[0], st0);
    _mm_storeu_si128((__m128i *)(void *)&h[4], st1);
}
#else
bool sha256_have_shani(void)
{
    return false;
}

void sha256_blocks_shani(uint32_t h[8], const unsigned char *p, size_t n)
{
    sha256_blocks_portable(h, p, n);
}
#endif
