/* Pieces several pages share: verdict badges and report passages. */
#include "site/html.h"
#include "site/site.h"

#include <ctype.h>
#include <string.h>

void site_badge(strbuf *b, const char *status)
{
    const char *st = status ? status : "unknown";
    sb_puts(b, "<span class=\"badge v-");
    html_id(b, st);
    sb_puts(b, "\">");
    for (const char *p = st; *p; p++) {
        char c[2] = {(char)toupper((unsigned char)*p), 0};
        html_esc(b, c);
    }
    sb_puts(b, "</span>");
}

void site_passage(strbuf *b, const site *s, long line, int context, const char *id)
{
    if (!s->lines || line < 1 || (size_t)line > s->n_lines)
        return;
    long from = line - context < 1 ? 1 : line - context;
    long to = line + context > (long)s->n_lines ? (long)s->n_lines : line + context;
    sb_puts(b, "<div class=\"passage\" id=\"");
    html_id(b, id);
    sb_puts(b, "-passage\">");
    for (long l = from; l <= to; l++) {
        sb_printf(b, "<span class=\"ln\">%ld</span>", l);
        if (l == line)
            sb_puts(b, "<mark>");
        html_esc(b, s->lines[l - 1]);
        if (l == line)
            sb_puts(b, "</mark>");
        sb_puts(b, "\n");
    }
    sb_puts(b, "</div>\n");
}
