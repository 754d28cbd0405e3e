/* A growable byte string. Aborts on allocation failure: wrrfig is a batch
 * tool and a figure build runs in its own process, so out-of-memory ends
 * that build only. */
#ifndef WF_STRBUF_H
#define WF_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct strbuf {
    char *s;    /* always NUL-terminated once anything was added */
    size_t len;
    size_t cap;
} strbuf;

#define STRBUF_INIT {NULL, 0, 0}

void sb_add(strbuf *b, const char *s, size_t n);
void sb_puts(strbuf *b, const char *s);
void sb_putc(strbuf *b, char c);
void sb_printf(strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_vprintf(strbuf *b, const char *fmt, va_list ap);
/* Shortest decimal that reads back as the same double, C locale. */
void sb_double(strbuf *b, double v);
/* A number for a figure's outputs (its CSV, its gnuplot script): the
 * shortest decimal within 4e-15 (relative) of v. Values from data (up to 14
 * significant digits) print exactly as read; arithmetic noise
 * (41.900000000000006) does not. Tables (data/) keep sb_double: they must
 * read back bit for bit. */
void sb_number(strbuf *b, double v);
/* A JSON string literal with escapes. */
void sb_json_str(strbuf *b, const char *s);
const char *sb_cstr(strbuf *b); /* "" when empty; owned by b */
char *sb_take(strbuf *b);       /* caller owns the result; b is reset */
void sb_free(strbuf *b);

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t m);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* A copy of s without the spaces and tabs around it (CBS keys carry
 * trailing blanks); the caller frees it. */
char *xstrdup_trimmed(const char *s);

#endif
