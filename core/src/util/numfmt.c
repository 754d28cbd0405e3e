#include "util/numfmt.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

/* 128-bit products: |v| < 2^53 times 10^12 < 2^40 is below 2^93. */
__extension__ typedef unsigned __int128 u128;

static const uint64_t pow10_tab[13] = {
    1ULL, 10ULL, 100ULL, 1000ULL, 10000ULL, 100000ULL, 1000000ULL, 10000000ULL, 100000000ULL,
    1000000000ULL, 10000000000ULL, 100000000000ULL, 1000000000000ULL,
};

/* Decimal digits of q, most significant first, into d; returns how many
 * (at least one). */
static int u128_digits(u128 q, char *d)
{
    char rev[48];
    int n = 0;
    do {
        rev[n++] = (char)('0' + (int)(q % 10));
        q /= 10;
    } while (q);
    for (int i = 0; i < n; i++)
        d[i] = rev[n - 1 - i];
    return n;
}

int numfmt_fixed(char *out, size_t n, double v, int prec)
{
    if (prec < 0 || prec > 12 || !isfinite(v) || n < NUMFMT_FIXED_MAX)
        return -1;
    double a = fabs(v);
    if (a >= 9007199254740992.0) /* 2^53 */
        return -1;
    /* a = m * 2^-s exactly, m an integer below 2^53. */
    u128 q = 0;
    if (a != 0) {
        int e;
        double fr = frexp(a, &e); /* a = fr * 2^e, fr in [0.5, 1) */
        uint64_t m = (uint64_t)ldexp(fr, 53);
        int s = 53 - e; /* >= 0 because a < 2^53 */
        u128 prod = (u128)m * pow10_tab[prec];
        if (s == 0) {
            q = prod;
        } else if (s <= 96) {
            /* Round to nearest, ties to even: printf rounds the exact
             * binary value in the current (default) rounding mode. */
            u128 one = (u128)1 << s, rem = prod & (one - 1), half = one >> 1;
            q = prod >> s;
            if (rem > half || (rem == half && (q & 1)))
                q++;
        } else {
            q = 0; /* prod < 2^93 <= half of 2^s: rounds to zero, never a tie */
        }
    }
    char d[48];
    int nd = u128_digits(q, d);
    /* At least prec + 1 digits: leading zeros for 0.05 -> "0.1" / "0.05". */
    char padded[64];
    int lead = nd < prec + 1 ? prec + 1 - nd : 0;
    memset(padded, '0', (size_t)lead);
    memcpy(padded + lead, d, (size_t)nd);
    int total = lead + nd, whole = total - prec, len = 0;
    if (signbit(v)) /* printf keeps the sign of -0.0 and of what rounds to it */
        out[len++] = '-';
    memcpy(out + len, padded, (size_t)whole);
    len += whole;
    if (prec > 0) {
        out[len++] = '.';
        memcpy(out + len, padded + whole, (size_t)prec);
        len += prec;
    }
    out[len] = '\0';
    return len;
}
