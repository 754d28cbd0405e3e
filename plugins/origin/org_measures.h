/* The origin.* measures of docs/measures.md. */
#ifndef ORG_MEASURES_H
#define ORG_MEASURES_H

#include <wrrfig/plugin.h>

#define ORG_N_MEASURES 11
extern const wrrfig_measure org_measures[];

#endif
