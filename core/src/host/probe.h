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

#endif
