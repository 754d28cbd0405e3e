/* Finding a claim's quote in the report text: line breaks and runs of
 * spaces match one space, a no-break space is a space, and a word hyphenated
 * at a line end may be quoted joined ("kenniswerkers") or split ("kennis-
 * werkers"). Used by the quote test and by the number scanner's coverage. */
#ifndef WF_CLAIMS_QUOTE_H
#define WF_CLAIMS_QUOTE_H

#include <stddef.h>

typedef struct quote_text {
    char *s;        /* the report as one line, spaces collapsed */
    long *line;     /* report line of each character */
    size_t *raw;    /* offset in the raw text of each character */
    size_t n;
} quote_text;

void quote_text_init(quote_text *t, const char *raw);
void quote_text_free(quote_text *t);

/* Whether q occurs with its span touching line; the first such match's raw
 * span goes to [*raw_start, *raw_end) when those are not NULL. */
int quote_find(const quote_text *t, const char *q, long line, size_t *raw_start, size_t *raw_end);

#endif
