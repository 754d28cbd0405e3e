#include "common/period.h"

#include <ctype.h>
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
