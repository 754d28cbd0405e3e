#include "tabledoc.h"

#include <string.h>

#include "sbuf.h"

static void md_text(sbuf *b, const char *s, int in_cell)
{
    for (; *s; s++) {
        switch (*s) {
        case '&': sb_puts(b, "&amp;"); break;
        case '<': sb_puts(b, "&lt;"); break;
        case '>': sb_puts(b, "&gt;"); break;
        case '\n': sb_puts(b, in_cell ? "<br>" : "  \n"); break;
        case '\r': break;
        case '\\': case '`': case '*': case '_': case '[': case ']': case '|':
        case '#': case '~': case '$': case '!': case '{': case '}':
            sb_putc(b, '\\');
            sb_putc(b, *s);
            break;
        default: sb_putc(b, *s);
        }
    }
}

static void html_text(sbuf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n && s[i]; i++) {
        switch (s[i]) {
        case '&': sb_puts(b, "&amp;"); break;
        case '<': sb_puts(b, "&lt;"); break;
        case '>': sb_puts(b, "&gt;"); break;
        case '"': sb_puts(b, "&quot;"); break;
        case '\'': sb_puts(b, "&#39;"); break;
        case '\r': break;
        default: sb_putc(b, s[i]);
        }
    }
}

char *md_escape_cell(const char *s)
{
    sbuf b = {0};
    md_text(&b, s, 1);
    return sb_take(&b);
}

char *html_escape(const char *s)
{
    sbuf b = {0};
    html_text(&b, s, strlen(s));
    return sb_take(&b);
}

char *tabledoc_markdown(const tl_table *t, const tabledoc_info *info)
{
    sbuf b = {0};
    if (info->title) {
        sb_puts(&b, "**");
        md_text(&b, info->title, 0);
        sb_puts(&b, "**\n\n");
    }
    for (size_t r = 0; r < t->nrows; r++) {
        sb_puts(&b, "|");
        for (size_t c = 0; c < t->ncols; c++) {
            sb_puts(&b, " ");
            md_text(&b, tl_get(t, r, c), 1);
            sb_puts(&b, " |");
        }
        sb_puts(&b, "\n");
        if (r == 0) {
            sb_puts(&b, "|");
            for (size_t c = 0; c < t->ncols; c++)
                sb_puts(&b, "---|");
            sb_puts(&b, "\n");
        }
    }
    if (info->source) {
        sb_puts(&b, "\n");
        md_text(&b, info->source, 0);
        sb_puts(&b, "\n");
    }
    for (size_t i = 0; i < info->n_notes; i++) {
        sb_puts(&b, i == 0 ? "\n- " : "- ");
        md_text(&b, info->notes[i], 0);
        sb_puts(&b, "\n");
    }
    return sb_take(&b);
}

/* A cell's paragraphs: bullet items become a list, other lines are joined
 * with <br>. */
static void html_cell(sbuf *b, const char *s)
{
    size_t blen = strlen(TW_BULLET);
    int in_list = 0, first = 1;
    while (*s) {
        const char *nl = strchr(s, '\n');
        size_t n = nl ? (size_t)(nl - s) : strlen(s);
        int bullet = n >= blen && memcmp(s, TW_BULLET, blen) == 0;
        if (bullet && !in_list) {
            sb_puts(b, "<ul>");
            in_list = 1;
        } else if (!bullet && in_list) {
            sb_puts(b, "</ul>");
            in_list = 0;
            first = 1;
        }
        if (bullet) {
            sb_puts(b, "<li>");
            html_text(b, s + blen, n - blen);
            sb_puts(b, "</li>");
        } else {
            if (!first)
                sb_puts(b, "<br>");
            html_text(b, s, n);
            first = 0;
        }
        s += n;
        if (*s == '\n')
            s++;
    }
    if (in_list)
        sb_puts(b, "</ul>");
}

char *tabledoc_html(const tl_table *t, const tabledoc_info *info)
{
    sbuf b = {0};
    sb_puts(&b, "<!DOCTYPE html>\n<html lang=\"");
    html_text(&b, info->lang ? info->lang : "nl", 8);
    sb_puts(&b, "\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
    if (info->title)
        html_text(&b, info->title, strlen(info->title));
    sb_puts(&b, "</title>\n<style>\n"
                "body{font-family:'DejaVu Sans',sans-serif;font-size:10pt;margin:2em}\n"
                "table{border-collapse:collapse;max-width:60em}\n"
                "caption{text-align:left;font-weight:bold;padding-bottom:.5em}\n"
                "th,td{text-align:left;vertical-align:top;padding:.3em .5em;border-bottom:1px solid #888}\n"
                "thead th{border-bottom:2px solid #000}\n"
                "ul{margin:0;padding-left:1.2em;list-style-type:'\\2013  '}\n"
                "</style>\n</head>\n<body>\n<table>\n");
    if (info->title) {
        sb_puts(&b, "<caption>");
        html_text(&b, info->title, strlen(info->title));
        sb_puts(&b, "</caption>\n");
    }
    for (size_t r = 0; r < t->nrows; r++) {
        if (r == 0)
            sb_puts(&b, "<thead>\n");
        if (r == 1)
            sb_puts(&b, "<tbody>\n");
        sb_puts(&b, "<tr>");
        for (size_t c = 0; c < t->ncols; c++) {
            sb_puts(&b, r == 0 ? "<th scope=\"col\">" : c == 0 ? "<th scope=\"row\">" : "<td>");
            html_cell(&b, tl_get(t, r, c));
            sb_puts(&b, r == 0 || c == 0 ? "</th>" : "</td>");
        }
        sb_puts(&b, "</tr>\n");
        if (r == 0)
            sb_puts(&b, "</thead>\n");
    }
    if (t->nrows > 1)
        sb_puts(&b, "</tbody>\n");
    sb_puts(&b, "</table>\n");
    if (info->source) {
        sb_puts(&b, "<p>");
        html_text(&b, info->source, strlen(info->source));
        sb_puts(&b, "</p>\n");
    }
    if (info->n_notes) {
        sb_puts(&b, "<ul class=\"notes\">\n");
        for (size_t i = 0; i < info->n_notes; i++) {
            sb_puts(&b, "<li>");
            html_text(&b, info->notes[i], strlen(info->notes[i]));
            sb_puts(&b, "</li>\n");
        }
        sb_puts(&b, "</ul>\n");
    }
    sb_puts(&b, "</body>\n</html>\n");
    return sb_take(&b);
}
