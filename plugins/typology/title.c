#include "title.h"

#include <stdlib.h>
#include <string.h>

char *wrap_words(const char *s, size_t width)
{
    size_t n = strlen(s), line = 0;
    char *out = malloc(n + 1);
    if (!out)
        return NULL;
    size_t o = 0, i = 0;
    while (i < n) {
        while (i < n && s[i] == ' ')
            i++;
        size_t start = i;
        while (i < n && s[i] != ' ')
            i++;
        size_t wl = i - start;
        if (wl == 0)
            break;
        /* count UTF-8 lead bytes only, so an e-diaeresis is one character */
        size_t chars = 0;
        for (size_t k = start; k < i; k++)
            chars += ((unsigned char)s[k] & 0xC0) != 0x80;
        if (line > 0 && line + 1 + chars > width) {
            out[o++] = '\n';
            line = 0;
        } else if (line > 0) {
            out[o++] = ' ';
            line++;
        }
        memcpy(out + o, s + start, wl);
        o += wl;
        line += chars;
    }
    out[o] = '\0';
    return out;
}
