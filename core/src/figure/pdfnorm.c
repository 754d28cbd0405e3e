#define _POSIX_C_SOURCE 200809L
#include "figure/pdfnorm.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util/fileio.h"

static int digits(const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)p[i]))
            return 0;
    return 1;
}

static size_t rewrite_key(char *buf, size_t len, const char *key, const char *stamp)
{
    size_t klen = strlen(key), count = 0;
    for (size_t i = 0; i + klen + 18 <= len; i++) {
        if (memcmp(buf + i, key, klen) != 0)
            continue;
        char *p = buf + i + klen;
        while (p < buf + len && *p == ' ')
            p++;
        if (p + 17 > buf + len || memcmp(p, "(D:", 3) != 0 || !digits(p + 3, 14))
            continue;
        memcpy(p + 3, stamp, 14);
        char *z = p + 17;
        /* A zone offset +HH'mm' becomes +00'00' (same length). */
        if (z + 7 <= buf + len && (*z == '+' || *z == '-') && digits(z + 1, 2) && z[3] == '\'' && digits(z + 4, 2))
            memcpy(z, "+00'00", 6);
        count++;
    }
    return count;
}

size_t pdf_normalise_dates(char *buf, size_t len, long long epoch)
{
    time_t t = (time_t)epoch;
    struct tm tm;
    char stamp[32];
    if (!gmtime_r(&t, &tm) || strftime(stamp, sizeof stamp, "%Y%m%d%H%M%S", &tm) != 14)
        memcpy(stamp, "19700101000000", 15);
    return rewrite_key(buf, len, "/CreationDate", stamp) + rewrite_key(buf, len, "/ModDate", stamp);
}

int pdf_normalise_file(const char *path)
{
    char *buf;
    size_t len;
    wf_error err;
    if (read_file(path, &buf, &len, &err) != 0)
        return -1;
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    long long epoch = sde && *sde ? strtoll(sde, NULL, 10) : 0;
    int rc = 0;
    if (pdf_normalise_dates(buf, len, epoch) > 0)
        rc = atomic_write(path, buf, len, &err);
    free(buf);
    return rc;
}
