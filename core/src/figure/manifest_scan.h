/* Which JSON files of an output directory are figure manifests: <id>.json
 * holding that "id" and a "plugin" object. Other JSON there (claims.json,
 * anything a user put there) is not a figure's. Shared by the build's
 * orphan sweep (figure/cue.c) and `wrrfig diff` (diff/outdiff.c). */
#ifndef WF_MANIFEST_SCAN_H
#define WF_MANIFEST_SCAN_H

#include <stdbool.h>
#include <stddef.h>

/* The ids of the figure manifests in dir, sorted. A file whose stem
 * skip(ud, stem) accepts is not read (skip may be NULL): a caller that knows
 * an id already need not parse its manifest. *ids and each id are the
 * caller's to free. Returns -1 when dir cannot be read (*ids NULL, *n 0). */
int figure_manifest_ids(const char *dir, bool (*skip)(void *ud, const char *stem), void *ud, char ***ids,
                        size_t *n);

#endif
