/* A set of strings with interning: each distinct string is stored once and
 * its copy handed out, so many rows can point at the same few codes (the
 * importer keeps millions of cells whose keys repeat). Open addressing,
 * FNV-1a. The set owns every string it returns; they live until
 * strset_free. */
#ifndef WF_STRSET_H
#define WF_STRSET_H

#include <stdbool.h>
#include <stddef.h>

typedef struct strset {
    char **slot;       /* cap entries, NULL when empty */
    size_t cap, n;
    size_t *pos;       /* per slot: index of its string in order */
    char **order;      /* the strings in order of first insertion */
} strset;

#define STRSET_INIT {NULL, 0, 0, NULL, NULL}

/* The set's copy of s, inserting it when new. */
const char *strset_intern(strset *s, const char *str);
/* Index of str in order (inserting it when new). */
size_t strset_index(strset *s, const char *str);
bool strset_has(const strset *s, const char *str);
void strset_free(strset *s);

#endif
