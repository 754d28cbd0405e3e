#include "util/figid.h"

#include <string.h>

/* Up to 6 digits at *p into *v. */
static bool number(const char **p, int *v)
{
    int n = 0, k = 0;
    while (**p >= '0' && **p <= '9') {
        if (++k > 6)
            return false;
        n = n * 10 + (*(*p)++ - '0');
    }
    *v = n;
    return k > 0;
}

bool figid_parse(const char *id, int *chapter, int *number_out, const char **variant)
{
    static const char *const kinds[] = {"fig-", "tab-", "kader-"};
    for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++) {
        size_t n = strlen(kinds[i]);
        if (strncmp(id, kinds[i], n) != 0)
            continue;
        const char *p = id + n;
        int c, num;
        if (!number(&p, &c) || *p++ != '-' || !number(&p, &num))
            return false;
        const char *var = NULL;
        if (*p == '-' && p[1])
            var = p + 1;
        else if (*p)
            return false;
        if (var && !variant)
            return false;
        *chapter = c;
        *number_out = num;
        if (variant)
            *variant = var;
        return true;
    }
    return false;
}
