#include "common/period.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

static int digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i]))
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

wfc_period_kind wfc_period_parse(const char *code, wfc_period *out)
{
    wfc_period p = {WFC_PERIOD_INVALID, 0, 0};
    if (out)
        *out = p;
    if (!code)
        return WFC_PERIOD_INVALID;
    while (*code == ' ')
        code++;
    size_t n = strlen(code);
    while (n > 0 && code[n - 1] == ' ')
        n--;
    if (n != 4 && n != 8)
        return WFC_PERIOD_INVALID;
    int year = digits(code, 4);
    if (year < 0)
        return WFC_PERIOD_INVALID;
    p.year = year;
    if (n == 4) {
        p.kind = WFC_PERIOD_YEAR;
    } else {
        int sub = digits(code + 6, 2);
        if (sub < 0 || !isupper((unsigned char)code[4]) || !isalnum((unsigned char)code[5]))
            return WFC_PERIOD_INVALID;
        p.sub = sub;
        if (!strncmp(code + 4, "JJ", 2))
            p.kind = sub == 0 ? WFC_PERIOD_YEAR : WFC_PERIOD_INVALID;
        else if (!strncmp(code + 4, "KW", 2))
            p.kind = sub >= 1 && sub <= 4 ? WFC_PERIOD_QUARTER : WFC_PERIOD_INVALID;
        else if (!strncmp(code + 4, "MM", 2))
            p.kind = sub >= 1 && sub <= 12 ? WFC_PERIOD_MONTH : WFC_PERIOD_INVALID;
        else
            p.kind = WFC_PERIOD_OTHER;
        if (p.kind == WFC_PERIOD_INVALID)
            return WFC_PERIOD_INVALID;
    }
    if (out)
        *out = p;
    return p.kind;
}

bool wfc_period_year(const char *code, int *year)
{
    wfc_period p;
    if (wfc_period_parse(code, &p) != WFC_PERIOD_YEAR)
        return false;
    if (year)
        *year = p.year;
    return true;
}

int wfc_period_year_or(const char *code, int otherwise)
{
    int y;
    return code && wfc_period_year(code, &y) ? y : otherwise;
}

static int prefix_len(const char *p, int max)
{
    int n = 0;
    while (n < max && p[n])
        n++;
    return n;
}

static int refuse(char *what, size_t nwhat, const char *fmt, const char *at, int len)
{
    if (what && nwhat)
        snprintf(what, nwhat, fmt, len, at);
    return -1;
}

int wfc_period_template(const char *tmpl, bool has_period, int from, int to, char *out, size_t n, char *what,
                        size_t nwhat)
{
    size_t o = 0;
    if (what && nwhat)
        what[0] = '\0';
    if (!out || n == 0)
        return -1;
    out[0] = '\0';
    if (!tmpl)
        return 0;
    for (const char *p = tmpl; *p;) {
        char num[16];
        const char *rep = NULL;
        size_t skip = 1, replen = 0;
        if (p[0] == '{' && p[1] == '{') {
            rep = "{", replen = 1, skip = 2;
        } else if (p[0] == '}' && p[1] == '}') {
            rep = "}", replen = 1, skip = 2;
        } else if (p[0] == '}') {
            return refuse(what, nwhat, "a lone '}' ('%.*s'; write }} for a brace)", p, prefix_len(p, 12));
        } else if (p[0] == '{') {
            const char *e = strchr(p, '}');
            size_t len = e ? (size_t)(e - p) + 1 : strlen(p);
            int shown = (int)(len > 40 ? 40 : len);
            if (!e)
                return refuse(what, nwhat, "a lone '{' ('%.*s'; write {{ for a brace)", p, shown);
            bool is_from = len == 6 && !strncmp(p, "{from}", 6), is_to = len == 4 && !strncmp(p, "{to}", 4);
            if (len == 6 && !strncmp(p, "{year}", 6)) {
                rep = p, replen = len, skip = len;
            } else if (is_from || is_to) {
                if (!has_period)
                    return refuse(what, nwhat, "placeholder '%.*s' but the spec has no \"period\"", p, shown);
                snprintf(num, sizeof num, "%d", is_from ? from : to);
                rep = num, replen = strlen(num), skip = len;
            } else {
                return refuse(what, nwhat, "unknown placeholder '%.*s' (known: {from}, {to}, {year}; {{ and }} for braces)",
                              p, shown);
            }
        } else {
            rep = p, replen = 1, skip = 1;
        }
        if (o + replen >= n)
            return refuse(what, nwhat, "text too long%.*s", "", 0);
        memcpy(out + o, rep, replen);
        o += replen;
        p += skip;
    }
    out[o] = '\0';
    return 0;
}
