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

#endif
