/* What counts as text in the project's own files (tables, specs, registry,
 * manifests): UTF-8 without NUL, C0 control characters other than tab,
 * line feed and carriage return, or C1 control characters (U+0080-U+009F). Checked where files are read, so a label
 * that would make gnuplot write an SVG that is not well-formed XML (or echo
 * an escape sequence to a terminal) is refused with its position. */
#ifndef WF_TEXT_H
#define WF_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "util/wf_error.h"

/* 0 when s[0..len) is such text; else -1 with "name:line:col: what" (the
 * column counts characters). */
int text_check(const char *name, const char *s, size_t len, wf_error *err);
/* The same for text that starts on line first_line of the file (a file
 * checked line by line as it is read). */
int text_check_from(const char *name, const char *s, size_t len, size_t first_line, wf_error *err);

/* The same for one NUL-terminated string (a decoded JSON string), without
 * a position: true when valid. */
bool text_valid(const char *s);

/* Copies s into out (n bytes) for a terminal: control characters (C0,
 * DEL and the C1 controls U+0080-U+009F, whose U+009B is a one-character
 * CSI to some terminals) and invalid bytes as \xNN, so data cannot send
 * escape sequences. */
void text_for_terminal(const char *s, char *out, size_t n);

/* text_for_terminal for each line of s, the newlines kept: a malloc'd
 * copy for text that is shown line by line (a worker's stderr). */
char *text_lines_for_terminal(const char *s);

/* Writes prefix, msg as text_for_terminal gives it, and a newline to f: for
 * error messages that may quote data (source cells, server responses). */
void text_print_safe(FILE *f, const char *prefix, const char *msg);

#endif
