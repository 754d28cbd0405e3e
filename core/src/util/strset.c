#include "util/strset.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/strbuf.h"

static uint64_t fnv1a(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ULL;
    }
    return h;
}

static size_t find_slot(char *const *slot, size_t cap, const char *str)
{
    size_t i = (size_t)(fnv1a(str) & (cap - 1));
    while (slot[i] && strcmp(slot[i], str) != 0)
        i = (i + 1) & (cap - 1);
    return i;
}

static void grow(strset *s)
{
    size_t cap = s->cap ? s->cap * 2 : 64;
    char **slot = xcalloc(cap, sizeof *slot);
    size_t *pos = xcalloc(cap, sizeof *pos);
    for (size_t i = 0; i < s->cap; i++)
        if (s->slot[i]) {
            size_t j = find_slot(slot, cap, s->slot[i]);
            slot[j] = s->slot[i];
            pos[j] = s->pos[i];
        }
    free(s->slot);
    free(s->pos);
    s->slot = slot;
    s->pos = pos;
    s->cap = cap;
    s->order = xrealloc(s->order, cap * sizeof *s->order);
}

static size_t intern_slot(strset *s, const char *str)
{
    if ((s->n + 1) * 2 > s->cap) /* load factor at most 1/2 */
        grow(s);
    size_t i = find_slot(s->slot, s->cap, str);
    if (!s->slot[i]) {
        s->slot[i] = xstrdup(str);
        s->pos[i] = s->n;
        s->order[s->n++] = s->slot[i];
    }
    return i;
}

const char *strset_intern(strset *s, const char *str)
{
    size_t i = intern_slot(s, str); /* may grow s->slot: read it after */
    return s->slot[i];
}

size_t strset_index(strset *s, const char *str)
{
    size_t i = intern_slot(s, str);
    return s->pos[i];
}

bool strset_has(const strset *s, const char *str)
{
    return s->cap && s->slot[find_slot(s->slot, s->cap, str)] != NULL;
}

void strset_free(strset *s)
{
    for (size_t i = 0; i < s->cap; i++)
        free(s->slot[i]);
    free(s->slot);
    free(s->pos);
    free(s->order);
    memset(s, 0, sizeof *s);
}
