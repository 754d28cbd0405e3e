/* Every number of the report accounted for: each number the scanner finds
 * (claims/scan.h) is covered by a registry claim (its quote at its line), by
 * a transcription test (tests/fixtures/transcriptions), by an exclusion rule,
 * or by the explicit exclusion list data/claims/scan-exclusions.tsv; anything
 * else is UNACCOUNTED, and `wrrfig check --scan` fails on it in the chapters
 * whose accounting is done (docs/claims.md, "Every number accounted for"). */
#ifndef WF_CLAIMS_ACCOUNT_H
#define WF_CLAIMS_ACCOUNT_H

#include <stdbool.h>
#include <stddef.h>

#include "claims/model.h"
#include "claims/scan.h"
#include "util/strbuf.h"
#include "util/wf_error.h"

typedef enum scan_class {
    SCAN_CLAIM = 0,          /* inside a registry claim's quote */
    SCAN_TRANSCRIPTION,      /* a table cell checked by the transcription tests */
    SCAN_PAGE,               /* page number (running footer, citation page) */
    SCAN_FOOTNOTE,           /* footnote marker or note number */
    SCAN_CITATION_YEAR,      /* year of a citation: "Bovens et al. 2016" */
    SCAN_LIST,               /* list or heading numbering: "1. Meer verscheidenheid" */
    SCAN_DATE,               /* a date that states no quantity: "het regeerakkoord van 2017" */
    SCAN_NAME,               /* part of a name or title: covid-19, G4, "Agenda 2030" */
    SCAN_FIGURE_REF,         /* figure, table, box, chapter or section number: "figuur 2.3", "hoofdstuk 5" */
    SCAN_FIGURE_TEXT,        /* text inside a figure or table the report prints (axis ticks, legends) */
    SCAN_STRUCTURE,          /* a count of the report's own parts: "vier sets van aanbevelingen", "drie uitgangspunten" */
    SCAN_NO_QUANTITY,        /* a number word that states no quantity: "één van de", "alle drie", "op één lijn" */
    SCAN_DEFINITION,         /* a number that defines a term or a study's parameter: "langer dan vier maanden" */
    SCAN_UNACCOUNTED,
    SCAN_N_CLASS
} scan_class;

const char *scan_class_key(scan_class c);          /* "claim", "page-number", ... */
int scan_class_parse(const char *s, scan_class *out);  /* 0 or -1; only the exclusion classes */

/* One explicit exclusion: line, the number as printed, class, why. */
typedef struct scan_exclusion {
    long line;
    char *text, *why;
    scan_class cls;
    bool used;
} scan_exclusion;

typedef struct scan_exclusions {
    scan_exclusion *v;
    size_t n;
    bool complete[10];   /* chapters whose accounting is done ("#! complete: 0 1" in the file) */
} scan_exclusions;

/* Reads the exclusion list (TSV: line, number as printed, class, reason;
 * '#' comments; "#! complete: 0 1 2" names the chapters whose accounting is
 * done, where an unaccounted number is an error). Errors name file:line.
 * Absent file: empty list, 0. */
int scan_exclusions_load(const char *path, scan_exclusions *out, wf_errors *errs);
void scan_exclusions_free(scan_exclusions *x);

/* The class a rule gives a number not covered by a claim, or
 * SCAN_UNACCOUNTED. t is the flattened text the number was found in. */
scan_class scan_rule_class(const scan_text *t, const scan_number *n);

/* The accounting of one report text. */
typedef struct scan_account {
    size_t n_numbers;
    size_t by_class[SCAN_N_CLASS];
    size_t by_chapter[10][SCAN_N_CLASS];
    size_t n_claims_matched;       /* registry claims whose quote was found and holds a number */
    strbuf unaccounted;            /* "line:col\tchapter\ttext\tcontext" per unaccounted number */
    strbuf unused;                 /* exclusions that match no number */
} scan_account;

/* Chapter of a report line (0 = summary), from the chapter start lines in
 * docs/claims.md. */
int scan_chapter_of_line(long line);

/* Accounts for every number of raw (the report text) against the claims of
 * sets[0..n_sets) (the registry and the transcription tests, with
 * classes[k] the class of set k's coverage) and the exclusions. */
void scan_account_run(const char *raw, size_t len, const claim_set *const *sets, const scan_class *classes,
                      size_t n_sets, scan_exclusions *x, scan_account *out);
void scan_account_free(scan_account *a);

/* The accounting as text: the per-chapter table, then every unaccounted
 * number (all chapters when all is set, else the complete ones) and every
 * exclusion that matched nothing. Returns how many problems there are:
 * unaccounted numbers in complete chapters plus unused exclusions. */
size_t scan_account_report(const scan_account *a, const scan_exclusions *x, bool all, strbuf *out);

#endif
