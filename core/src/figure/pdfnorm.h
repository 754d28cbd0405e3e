/* Byte-deterministic PDFs. Debian 12's cairo (1.16) writes the time of the
 * build as /CreationDate and ignores SOURCE_DATE_EPOCH; this rewrites the
 * date in place with one of the same length (SOURCE_DATE_EPOCH, default 0),
 * so every xref offset stays valid. */
#ifndef WF_PDFNORM_H
#define WF_PDFNORM_H

#include <stddef.h>

/* Rewrites /CreationDate and /ModDate (D:YYYYMMDDHHmmSS + Z or +HH'mm') in
 * buf. Returns the number of dates rewritten. */
size_t pdf_normalise_dates(char *buf, size_t len, long long epoch);

/* The same on a file, in place (atomically). 0 or -1. */
int pdf_normalise_file(const char *path);

#endif
