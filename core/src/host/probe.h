/* Trying a plugin in a throw-away child before the host loads it: dlopen
 * runs the plugin's constructors, and checking the descriptor follows
 * pointers the plugin chose. Either can crash or hang; in a child that
 * costs one refusal naming the file, not every command. */
#ifndef WF_PROBE_H
#define WF_PROBE_H

#include <stddef.h>

#include "host/registry.h"

/* Runs load(r, path) in a forked child (on its copy of r) with a time
 * limit. Returns 0 when the child finished normally (the descriptor may
 * still be refused: the parent's own load says so), or -1 with why set
 * ("crashed while loading (SIGSEGV)", "hung while loading"). */
int plugin_probe(wf_registry *r, const char *path, int (*load)(wf_registry *r, const char *path), char *why,
                 size_t n);

enum { PROBE_WHY = 1024 };

/* The same for n plugins at once: one child each, all running together
 * under one time limit, so start-up waits for the slowest probe, not for
 * the sum. rc[i] is 0, or -1 with why[i] set. */
void plugin_probe_all(wf_registry *r, char *const *paths, size_t n, int (*load)(wf_registry *r, const char *path),
                      char (*why)[PROBE_WHY], int *rc);

#endif
