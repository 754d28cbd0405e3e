#include "common/fontmetrics.h"

unsigned tw_advance_of(const tw_font *f, uint32_t cp)
{
    size_t lo = 0, hi = f->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (f->adv[mid].cp == cp)
            return f->adv[mid].adv;
        if (f->adv[mid].cp < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return f->fallback;
}

size_t tw_utf8_next(const char *s, size_t len, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t need;
    uint32_t c;
    if (len == 0) {
        *cp = 0;
        return 0;
    }
    if (u[0] < 0x80) {
        *cp = u[0];
        return 1;
    } else if ((u[0] & 0xE0) == 0xC0) {
        need = 2;
        c = u[0] & 0x1F;
    } else if ((u[0] & 0xF0) == 0xE0) {
        need = 3;
        c = u[0] & 0x0F;
    } else if ((u[0] & 0xF8) == 0xF0) {
        need = 4;
        c = u[0] & 0x07;
    } else {
        *cp = 0xFFFD;
        return 1;
    }
    if (need > len) {
        *cp = 0xFFFD;
        return 1;
    }
    for (size_t i = 1; i < need; i++) {
        if ((u[i] & 0xC0) != 0x80) {
            *cp = 0xFFFD;
            return 1;
        }
        c = (c << 6) | (u[i] & 0x3F);
    }
    *cp = c;
    return need;
}

double tw_text_width(const tw_font *f, double size_pt, const char *s, size_t len)
{
    unsigned long units = 0;
    size_t i = 0;
    while (i < len) {
        uint32_t cp;
        i += tw_utf8_next(s + i, len - i, &cp);
        units += tw_advance_of(f, cp);
    }
    return (double)units * size_pt / (double)f->units_per_em;
}
