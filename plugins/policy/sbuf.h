/* A growable byte string for building documents in memory. A failed
 * allocation sets err and makes later appends no-ops, so callers check once. */
#ifndef POLICY_SBUF_H
#define POLICY_SBUF_H

#include <stddef.h>

typedef struct sbuf {
    char *s;
    size_t len, cap;
    int err;
} sbuf;

void sb_putn(sbuf *b, const char *s, size_t n);
void sb_puts(sbuf *b, const char *s);
void sb_putc(sbuf *b, char c);
/* Hands the string to the caller (NULL after an allocation failure). */
char *sb_take(sbuf *b);
void sb_free(sbuf *b);

#endif
