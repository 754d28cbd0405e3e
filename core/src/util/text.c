#include "util/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/strbuf.h"

/* Length of the UTF-8 sequence at s (at most left bytes), 0 when invalid:
 * overlong forms, surrogates and code points above U+10FFFF are invalid. */
static size_t utf8_len(const unsigned char *s, size_t left)
{
    unsigned c = s[0];
    if (c < 0x80)
        return 1;
    size_t n;
    unsigned cp;
    if (c >= 0xc2 && c <= 0xdf) {
        n = 2;
        cp = c & 0x1f;
    } else if (c >= 0xe0 && c <= 0xef) {
        n = 3;
        cp = c & 0x0f;
    } else if (c >= 0xf0 && c <= 0xf4) {
        n = 4;
        cp = c & 0x07;
    } else {
        return 0;
    }
    if (left < n)
        return 0;
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3f);
    }
    if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10ffff)) || (cp >= 0xd800 && cp <= 0xdfff))
        return 0;
    return n;
}

static bool is_bad_control(unsigned char c) { return c < 0x20 && c != '\t' && c != '\n' && c != '\r'; }

/* U+0080-U+009F (0xC2 0x80-0x9F): C1 controls; U+009B is a one-character
 * CSI to some terminals, and text has no use for any of them. */
static bool is_c1(const unsigned char *s, size_t n) { return n == 2 && s[0] == 0xc2 && s[1] < 0xa0; }

int text_check(const char *name, const char *s, size_t len, wf_error *err)
{
    return text_check_from(name, s, len, 1, err);
}

int text_check_from(const char *name, const char *s, size_t len, size_t first_line, wf_error *err)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t line = first_line, col = 1;
    for (size_t i = 0; i < len;) {
        if (p[i] == '\0')
            return wf_error_at(err, name, line, col, "contains a NUL byte: not a text file");
        if (is_bad_control(p[i]))
            return wf_error_at(err, name, line, col, "control character U+%04X: not allowed in text", p[i]);
        size_t n = utf8_len(p + i, len - i);
        if (n == 0)
            return wf_error_at(err, name, line, col, "invalid UTF-8 (byte 0x%02X)", p[i]);
        if (is_c1(p + i, n))
            return wf_error_at(err, name, line, col, "control character U+%04X: not allowed in text", p[i + 1]);
        if (p[i] == '\n') {
            line++;
            col = 1;
        } else {
            col++;
        }
        i += n;
    }
    return 0;
}

bool text_valid(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t len = strlen(s);
    for (size_t i = 0; i < len;) {
        if (is_bad_control(p[i]))
            return false;
        size_t n = utf8_len(p + i, len - i);
        if (n == 0 || is_c1(p + i, n))
            return false;
        i += n;
    }
    return true;
}

void text_for_terminal(const char *s, char *out, size_t n)
{
    if (n == 0)
        return;
    const unsigned char *p = (const unsigned char *)s;
    size_t len = strlen(s), o = 0;
    for (size_t i = 0; i < len && o + 5 < n;) {
        size_t k = utf8_len(p + i, len - i);
        bool c1 = is_c1(p + i, k);
        if (c1 && o + 9 < n) {
            o += (size_t)snprintf(out + o, n - o, "\\x%02X\\x%02X", p[i], p[i + 1]);
            i += 2;
        } else if (c1) {
            break;
        } else if (k == 0 || is_bad_control(p[i]) || p[i] == 0x7f || (p[i] == '\n' || p[i] == '\r' || p[i] == '\t')) {
            o += (size_t)snprintf(out + o, n - o, "\\x%02X", p[i]);
            i++;
        } else {
            if (o + k >= n)
                break;
            memcpy(out + o, p + i, k);
            o += k;
            i += k;
        }
    }
    out[o] = '\0';
}

char *text_lines_for_terminal(const char *s)
{
    strbuf b = STRBUF_INIT;
    while (*s) {
        const char *eol = strchr(s, '\n');
        size_t len = eol ? (size_t)(eol - s) : strlen(s);
        char *line = xstrndup(s, len);
        size_t n = 8 * len + 8;
        char *safe = xmalloc(n);
        text_for_terminal(line, safe, n);
        sb_puts(&b, safe);
        if (eol)
            sb_putc(&b, '\n');
        free(safe);
        free(line);
        s += len + (eol ? 1 : 0);
    }
    return sb_take(&b);
}

void text_print_safe(FILE *f, const char *prefix, const char *msg)
{
    size_t n = 8 * strlen(msg) + 8; /* \xNN for each byte, and room for the C1 pairs */
    char *safe = xmalloc(n);
    text_for_terminal(msg, safe, n);
    fprintf(f, "%s%s\n", prefix, safe);
    free(safe);
}
