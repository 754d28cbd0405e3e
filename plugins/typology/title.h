#ifndef TYPOLOGY_TITLE_H
#define TYPOLOGY_TITLE_H

#include <stddef.h>

/* Greedy word wrap at width characters (UTF-8 aware, never cuts a word):
 * the report's titles are long and gnuplot does not wrap. malloc'd, NULL
 * when out of memory. */
char *wrap_words(const char *s, size_t width);

#endif
