/* Shared by the libFuzzer harnesses (tests/fuzz/fuzz_*.c). Each harness
 * defines fuzz_<name>(data, size); built with -DWF_FUZZ_MAIN it also
 * defines LLVMFuzzerTestOneInput, and tests/unit/test_fuzz_regressions.c
 * includes every harness to replay the kept crashers and seeds under
 * `make check`. A harness aborts when an invariant breaks (a round trip
 * that does not round-trip), so the fuzzer records the input. */
#ifndef WF_FUZZ_H
#define WF_FUZZ_H

#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifdef WF_FUZZ_MAIN
#define WF_FUZZ_ENTRY(fn)                                                                          \
    int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);                                  \
    int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) { return fn(data, size); }
#else
#define WF_FUZZ_ENTRY(fn)
#endif

/* A NUL-terminated copy of the input (caller frees). */
static inline char *fuzz_cstr(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    memcpy(s, data, size);
    s[size] = '\0';
    return s;
}

/* A directory of this process for files the readers want from disk. */
static inline const char *fuzz_dir(void)
{
    static char dir[64]; /* test-only state: one directory per fuzzing process */
    if (!dir[0]) {
        snprintf(dir, sizeof dir, "/tmp/wrrfig-fuzz-%ld", (long)getpid());
        char cmd[256];
        snprintf(cmd, sizeof cmd, "mkdir -p %s/t %s/u", dir, dir);
        if (system(cmd) != 0)
            abort();
    }
    return dir;
}

static inline void fuzz_write(const char *path, const void *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        abort();
    if (size && fwrite(data, 1, size, f) != size)
        abort();
    fclose(f);
}

/* rm -r without a process per input (paths are the harness's own). */
static inline void fuzz_rm_tree(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return;
    if (S_ISDIR(st.st_mode)) {
        DIR *d = opendir(path);
        struct dirent *e;
        while (d && (e = readdir(d))) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            char sub[1200];
            int n = snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
            if (n < 0 || (size_t)n >= sizeof sub)
                continue;
            fuzz_rm_tree(sub);
        }
        if (d)
            closedir(d);
    }
    remove(path);
}


/* The multi-file harnesses (fetch, import, diff, site) take parts separated
 * by lines "\n----\n". Gives the next part [*start, *stop) and moves *p past
 * it and its separator (NULL after the last); 0 when none is left. */
#define FUZZ_SEP "\n----\n"
static inline int fuzz_part(const char **p, const char *end, const char **start, const char **stop)
{
    if (!*p)
        return 0;
    *start = *p;
    *stop = end;
    for (const char *q = *p; q + sizeof FUZZ_SEP - 1 <= end; q++)
        if (memcmp(q, FUZZ_SEP, sizeof FUZZ_SEP - 1) == 0) {
            *stop = q;
            break;
        }
    *p = *stop < end ? *stop + sizeof FUZZ_SEP - 1 : NULL;
    return 1;
}

/* Whether p[0..n) is a relative name the harness may write: [A-Za-z0-9._-]
 * in components joined by at most slashes '/', none empty or starting with
 * '.' (so no "..", no hidden file). */
static inline int fuzz_name_ok(const char *p, size_t n, int slashes)
{
    if (n == 0 || n > 120)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = p[i];
        if ((i == 0 || p[i - 1] == '/') && (c == '.' || c == '/'))
            return 0;
        if (c == '/' && (slashes-- <= 0 || i + 1 == n))
            return 0;
        if (c != '/' && !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                          c == '_' || c == '-'))
            return 0;
    }
    return 1;
}

/* The whole file at path (NUL-terminated, *len its size; caller frees), or
 * NULL when it cannot be opened. */
static inline char *fuzz_read(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t n = 0, cap = 4096;
    char *s = malloc(cap);
    size_t k;
    while ((k = fread(s + n, 1, cap - n - 1, f)) > 0) {
        n += k;
        if (cap - n - 1 == 0)
            s = realloc(s, cap *= 2);
    }
    fclose(f);
    s[n] = '\0';
    if (len)
        *len = n;
    return s;
}

static inline int fuzz_in_list(const char *s, size_t n, const char *const *list)
{
    for (size_t i = 0; list[i]; i++)
        if (strlen(list[i]) == n && strncmp(s, list[i], n) == 0)
            return 1;
    return 0;
}

/* Aborts unless every tag of html is "<name attr=\"value\" ...>" or
 * "</name>" with a name from tags and attribute names from attrs, values
 * without '<'; the text of <style> and <script> (the writer's own) is
 * skipped. A string from the data that reached the page unescaped shows up
 * as a tag, an attribute or a broken value of its own. */
static inline void fuzz_check_html(const char *html, const char *const *tags, const char *const *attrs)
{
    for (const char *p = strchr(html, '<'); p; p = strchr(p, '<')) {
        const char *q = p + 1, *why = NULL;
        if (strncmp(p, "<!DOCTYPE html>", 15) == 0) {
            p += 15;
            continue;
        }
        int closing = *q == '/';
        q += closing;
        size_t n = 0;
        while ((q[n] >= 'a' && q[n] <= 'z') || (q[n] >= '0' && q[n] <= '9'))
            n++;
        const char *name = q;
        if (!n || !fuzz_in_list(q, n, tags))
            why = "a tag the writer does not write";
        q += n;
        while (!why && *q == ' ') {
            size_t an = 0;
            while ((q[an + 1] >= 'a' && q[an + 1] <= 'z') || q[an + 1] == '-')
                an++;
            if (!an || closing || !fuzz_in_list(q + 1, an, attrs)) {
                why = "an attribute the writer does not write";
                break;
            }
            q += 1 + an;
            if (*q == '=') {
                const char *e = q[1] == '"' ? strchr(q + 2, '"') : NULL;
                if (!e || memchr(q + 2, '<', (size_t)(e - q - 2)))
                    why = "an attribute value that is not closed";
                else
                    q = e + 1;
            }
        }
        if (!why && *q != '>')
            why = "a tag that is not closed";
        if (why) {
            fprintf(stderr, "%s in the HTML: %.80s\n", why, p);
            abort();
        }
        q++;
        if (!closing && ((n == 5 && strncmp(name, "style", 5) == 0) || (n == 6 && strncmp(name, "script", 6) == 0))) {
            const char *e = strstr(q, n == 5 ? "</style>" : "</script>");
            if (!e) {
                fprintf(stderr, "an unclosed <%.*s> in the HTML\n", (int)n, name);
                abort();
            }
            q = e;
        }
        p = q;
    }
}

#endif
