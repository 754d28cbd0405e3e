/* Reading a figure's spec text, once for every plugin.
 *
 * Text lives in the spec ({"nl": ..., "en": ...}, resolved by the host to
 * the output language); C code holds no prose defaults, so --lang en can
 * never print Dutch written in C (tests/e2e/lang_check.py looks for it). */
#ifndef WRRFIG_COMMON_SPECTEXT_H
#define WRRFIG_COMMON_SPECTEXT_H

#include <stdbool.h>
#include <stddef.h>

#include <wrrfig/plugin.h>

/* spec_text / spec_number / spec_count with a printf-formatted key
 * ("series.%zu.label"). A key longer than 160 bytes reads as absent. */
const char *wfc_spec_textf(const wrrfig_host *h, wrrfig_ctx *ctx, const char *fmt, ...) WRRFIG_PRINTF(3, 4);
bool wfc_spec_numberf(const wrrfig_host *h, wrrfig_ctx *ctx, double *out, const char *fmt, ...) WRRFIG_PRINTF(4, 5);
size_t wfc_spec_countf(const wrrfig_host *h, wrrfig_ctx *ctx, const char *fmt, ...) WRRFIG_PRINTF(3, 4);

/* The spec texts at keys[0..n) into out[0..n). When one is absent the
 * figure cannot be labelled in the output language: logs an error naming
 * every missing key as a JSON path of the spec ("spec fig-2-1.json:
 * $.text.trend: no text at 'text.trend' ...") and returns false (the
 * caller fails the figure). */
bool wfc_spec_texts(const wrrfig_host *h, wrrfig_ctx *ctx, const char *const *keys, const char **out, size_t n);

/* tmpl (spec text) into out[0..size) with every "{name}" of names[0..n)
 * replaced by values[i]; any other text, an unknown "{...}" included, is
 * copied as it is. Spec text is data: it is never used as a printf format,
 * so a '%' in it is printed, not interpreted. out is always terminated;
 * returns false when it was too small (out holds the text cut short). */
bool wfc_fill(char *out, size_t size, const char *tmpl, const char *const *names, const char *const *values,
              size_t n);

/* A number printed in the C locale ("12.5") written with the decimal mark
 * of the spec (text.decimal_mark: "," in Dutch, "." in English), in place.
 * Returns num. A mark of more than one byte is used whole when it fits. */
char *wfc_decimal(char *num, size_t size, const char *mark);

#endif
