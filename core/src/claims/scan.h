/* The number scanner: every numeral and written number of the report text
 * ("154.200", "15,5 procent", "achttien", "een derde", "bijna vier op de
 * tien", "ruim twee keer"), with the hedge before it and the rounding unit of
 * its stated digits. It makes the claim registry complete by construction:
 * each number found is covered by a claim (its quote at its line), by a
 * transcription test, or excluded with a reason class (docs/claims.md,
 * "Every number accounted for"). The tolerance policy reads the same parse. */
#ifndef WF_CLAIMS_SCAN_H
#define WF_CLAIMS_SCAN_H

#include <stdbool.h>
#include <stddef.h>

typedef enum scan_form {
    SCAN_NUMERAL = 0,   /* digits: 2017, 154.200, 15,5, 28% */
    SCAN_WORD,          /* achttien, tweehonderd, één */
    SCAN_FRACTION,      /* de helft, een derde, driekwart (value is the fraction) */
    SCAN_RATIO,         /* vier op de tien (value 0.4) */
    SCAN_MULTIPLE       /* twee keer, verdubbeld (value the factor) */
} scan_form;

typedef struct scan_number {
    long line;            /* 1-based line of the first character */
    size_t col;           /* byte offset within that line */
    size_t off, len;      /* span in the flattened text (see scan_flatten) */
    char text[80];        /* as printed, hedge excluded, line breaks as spaces */
    double value;         /* 154200, 15.5, 18, 0.3333, 0.4, 2 */
    double unit;          /* rounding unit of the stated digits: 100 for 154.200, 0.1 for 15,5, 1 for words */
    scan_form form;
    bool percent;         /* followed by '%' or "procent" */
    char hedge[24];       /* "ongeveer", "bijna", "meer dan", ... or "" */
} scan_number;

/* The report text as one string with each line break replaced by a space;
 * line_of maps an offset back to its line. Owns its arrays. */
typedef struct scan_text {
    char *s;
    size_t len;
    size_t *line_start;   /* offset of each line's first byte, n_lines + 1 entries */
    long n_lines;
} scan_text;

void scan_flatten(const char *raw, size_t len, scan_text *t);
void scan_text_free(scan_text *t);
long scan_line_of(const scan_text *t, size_t off);

/* Calls fn for every number in t[from, to) (offsets), in text order.
 * Returns how many. */
size_t scan_numbers(const scan_text *t, size_t from, size_t to, void (*fn)(void *user, const scan_number *n),
                    void *user);

/* Parses one Dutch number word ("achttien", "tweeëntwintig", "driehonderd",
 * "één"); -1 when it is none. "een" is not a number on its own. */
double scan_number_word(const char *w, size_t len);

#endif
