/* The report's figure ids: "fig-", "tab-" or "kader-", the chapter, '-',
 * the number (fig-2-14, tab-2-1, kader-4-5), optionally followed by '-' and
 * a variant (fig-2-15-2017). One grammar for the registry's id rule, the
 * claim registry's figure references and the site's ordering. */
#ifndef WF_FIGID_H
#define WF_FIGID_H

#include <stdbool.h>

/* Parses id. chapter and number get the two numbers (at most 6 digits
 * each); *variant (may be NULL) points into id after the '-' that follows
 * the number, or is NULL when nothing follows. A variant is accepted only
 * when variant is non-NULL. Returns false (outputs untouched) when id does
 * not have the form. */
bool figid_parse(const char *id, int *chapter, int *number, const char **variant);

#endif
