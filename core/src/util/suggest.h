/* "Did you mean ...?": the nearest candidates to a mistyped word by edit
 * distance (Damerau-Levenshtein: insert, delete, substitute, swap two
 * neighbours), case-insensitively, with '.', '_' and '-' treated as close
 * (fig-2.1 -> fig-2-1). */
#ifndef WF_SUGGEST_H
#define WF_SUGGEST_H

#include <stddef.h>

/* Edit distance between a and b, case-insensitive. */
size_t wf_edit_distance(const char *a, const char *b);

/* The candidates nearest to word, at most max_out of them (in the order of
 * cands), written to out; returns how many. Only candidates within a
 * distance that grows with the word's length (1 for short words, about a
 * third of the length for long ones) are offered; none when nothing is
 * close. An exact case-insensitive match is the only suggestion. */
size_t wf_suggest(const char *word, const char *const *cands, size_t n_cands, const char **out, size_t max_out);

/* Writes "; did you mean 'x'?" (or "'x' or 'y'", up to three) to buf (size
 * n, always NUL-terminated), or "" when no candidate is near. */
void wf_suggest_text(const char *word, const char *const *cands, size_t n_cands, char *buf, size_t n);

#endif
