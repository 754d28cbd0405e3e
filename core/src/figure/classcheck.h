/* A figure spec may declare the classification of origin it expects
 * ("classification": "migratieachtergrond" or "herkomst"; CBS replaced the
 * former by the latter in 2022-2023). Before a figure is built, each input
 * whose sidecar records a classification (import/crosswalk.c) must match:
 * a mismatch fails the figure, naming the crosswalk file that would map one
 * to the other (<data>/crosswalks/<have>-to-<want>.json) and whether it is
 * there. An input without a recorded classification is not checked. */
#ifndef WF_FIGURE_CLASSCHECK_H
#define WF_FIGURE_CLASSCHECK_H

#include <cjson/cJSON.h>

#include "util/wf_error.h"

/* 0 when the inputs agree with the spec (or it declares nothing); -1 with
 * reason set otherwise. */
int figure_classification_check(const char *data_dir, const cJSON *spec, char *const *inputs, wf_error *reason);

#endif
