/* CBS period codes, parsed once for every plugin.
 *
 * CBS StatLine writes periods as YYYYJJ00 (a year), YYYYKWnn (a quarter),
 * YYYYMMnn (a month), YYYYX0nn / YYYYG9nn (multi-year periods); the
 * project's own tables also use a bare YYYY. A quarter or month is never a
 * year: reading "2016KW01" as 2016 would silently mix periods. */
#ifndef WRRFIG_COMMON_PERIOD_H
#define WRRFIG_COMMON_PERIOD_H

#include <stdbool.h>
#include <stddef.h>

typedef enum wfc_period_kind {
    WFC_PERIOD_INVALID = 0,
    WFC_PERIOD_YEAR,     /* 2016JJ00 or 2016 */
    WFC_PERIOD_QUARTER,  /* 2016KW01 .. 2016KW04 */
    WFC_PERIOD_MONTH,    /* 2016MM01 .. 2016MM12 */
    WFC_PERIOD_OTHER     /* a well-formed code of another kind (X0, G9, ...) */
} wfc_period_kind;

typedef struct wfc_period {
    wfc_period_kind kind;
    int year;            /* always set for a valid code */
    int sub;             /* quarter 1-4, month 1-12, or the code's two digits; 0 for a year */
} wfc_period;

/* Parses code (surrounding spaces allowed, as CBS pads codes). Returns the
 * kind; out (may be NULL) receives the parts. */
wfc_period_kind wfc_period_parse(const char *code, wfc_period *out);

/* True when code is a whole year; *year (may be NULL) receives it. */
bool wfc_period_year(const char *code, int *year);

/* The year of a whole-year code, or `otherwise` for anything else (a
 * quarter, a month, a region code): for loops that skip what is not a year. */
int wfc_period_year_or(const char *code, int otherwise);

/* Period templates in spec texts ("Migratie naar Nederland, {from}-{to}"):
 * {from} and {to} become the first and last year the figure shows; {{ and }}
 * write a literal brace; {year} is kept as written, for the plugin that
 * fills it with a year of its own choosing (fig-1-3: the latest year of the
 * country table). Anything else in braces, or a lone brace, is refused, so a
 * misspelt placeholder never reaches a title. has_period false: the spec has
 * no period, so {from} and {to} are refused too. Writes at most n bytes to
 * out (NUL included). Returns 0, or -1 with what (nwhat bytes, may be NULL)
 * saying what was refused ("unknown placeholder '{form}'"). */
int wfc_period_template(const char *tmpl, bool has_period, int from, int to, char *out, size_t n, char *what,
                        size_t nwhat);

#endif
