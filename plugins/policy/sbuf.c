#include "sbuf.h"

#include <stdlib.h>
#include <string.h>

void sb_putn(sbuf *b, const char *s, size_t n)
{
    if (b->err)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = realloc(b->s, cap);
        if (!p) {
            b->err = 1;
            return;
        }
        b->s = p;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void sb_puts(sbuf *b, const char *s)
{
    sb_putn(b, s, strlen(s));
}

void sb_putc(sbuf *b, char c)
{
    sb_putn(b, &c, 1);
}

char *sb_take(sbuf *b)
{
    char *s = b->err ? NULL : b->s;
    if (!s && !b->err) {
        s = malloc(1);
        if (s)
            s[0] = '\0';
    }
    if (b->err)
        free(b->s);
    b->s = NULL;
    b->len = b->cap = 0;
    b->err = 0;
    return s;
}

void sb_free(sbuf *b)
{
    free(b->s);
    b->s = NULL;
    b->len = b->cap = 0;
    b->err = 0;
}
