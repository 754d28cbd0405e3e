/* Markdown and HTML versions of a text table. Pure functions: they return
 * malloc'd strings (NULL when out of memory) and touch no files. */
#ifndef POLICY_TABLEDOC_H
#define POLICY_TABLEDOC_H

#include "tablelayout.h"

typedef struct tabledoc_info {
    const char *lang;         /* "nl" or "en": the html lang attribute */
    const char *title;        /* caption */
    const char *source;       /* source line, or NULL */
    const char *const *notes; /* notes printed under the table, or NULL */
    size_t n_notes;
} tabledoc_info;

/* Appends s escaped for a GitHub-flavoured Markdown table cell: Markdown
 * punctuation is backslash-escaped, & < > become entities, '|' is escaped,
 * and line breaks become <br> (a table cell cannot hold a line break). */
char *md_escape_cell(const char *s);
/* HTML text: & < > " ' as entities. */
char *html_escape(const char *s);

char *tabledoc_markdown(const tl_table *t, const tabledoc_info *info);
char *tabledoc_html(const tl_table *t, const tabledoc_info *info);

#endif
