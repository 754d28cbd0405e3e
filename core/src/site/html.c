#include "site/html.h"

#include <string.h>

void html_esc(strbuf *b, const char *s)
{
    if (!s)
        return;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '&': sb_puts(b, "&amp;"); break;
        case '<': sb_puts(b, "&lt;"); break;
        case '>': sb_puts(b, "&gt;"); break;
        case '"': sb_puts(b, "&quot;"); break;
        case '\'': sb_puts(b, "&#39;"); break;
        default:
            if (*p < 0x20 && *p != '\t' && *p != '\n')
                break;
            if (*p == 0x7f)
                break;
            sb_putc(b, (char)*p);
        }
    }
}

void html_url(strbuf *b, const char *prefix, const char *s)
{
    html_esc(b, prefix);
    if (!s)
        return;
    static const char hex[] = "0123456789ABCDEF";
    int seg_start = 1;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        unsigned c = *p;
        int safe = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                   c == '_' || c == '~' || c == '.' || (c == '/' && p != (const unsigned char *)s);
        /* a segment that starts with '.' could be ".." */
        if (c == '.' && seg_start)
            safe = 0;
        if (safe)
            sb_putc(b, (char)c);
        else {
            sb_putc(b, '%');
            sb_putc(b, hex[c >> 4]);
            sb_putc(b, hex[c & 15]);
        }
        seg_start = (c == '/');
    }
}

void html_id(strbuf *b, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
        unsigned c = *p;
        int ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                 c == '_' || c == '.';
        sb_putc(b, ok ? (char)c : '_');
    }
}

void html_page_begin(strbuf *b, const char *lang, const char *title, const char *root)
{
    sb_puts(b, "<!DOCTYPE html>\n<html lang=\"");
    html_esc(b, lang);
    sb_puts(b, "\">\n<head>\n<meta charset=\"utf-8\">\n"
               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
    html_esc(b, title);
    sb_puts(b, "</title>\n<link rel=\"stylesheet\" href=\"");
    html_esc(b, root);
    sb_puts(b, "site/style.css\">\n</head>\n<body>\n"
               "<a class=\"skip\" href=\"#main\">");
    sb_puts(b, strcmp(lang, "en") ? "Naar de inhoud" : "Skip to content");
    sb_puts(b, "</a>\n");
}

void html_page_end(strbuf *b, const char *root, int with_script)
{
    if (with_script) {
        sb_puts(b, "<script src=\"");
        html_esc(b, root);
        sb_puts(b, "site/site.js\"></script>\n");
    }
    sb_puts(b, "</body>\n</html>\n");
}
