/* HTML writing for the static site: escaping of every string that comes
 * from a spec, manifest, CSV or claim, and relative URLs. All output goes
 * into a strbuf the caller owns. */
#ifndef WF_SITE_HTML_H
#define WF_SITE_HTML_H

#include "util/strbuf.h"

/* Text and attribute values: & < > " ' are escaped, control characters
 * other than tab and newline are dropped (they are not allowed in HTML). A
 * NULL string writes nothing. */
void html_esc(strbuf *b, const char *s);
/* A relative URL path from a file name or table name: characters outside
 * [A-Za-z0-9._~/-] are percent-encoded, then the result is escaped for an
 * attribute. "../" segments are kept only as given by the caller's prefix,
 * never from s: a leading '/' or a ".." segment in s is encoded, so data can
 * never produce an absolute or upward link. */
void html_url(strbuf *b, const char *prefix, const char *s);
/* An id usable in an HTML id attribute and fragment (figure and claim ids
 * are [a-z0-9-] already; anything else becomes '_'). */
void html_id(strbuf *b, const char *s);

/* <!DOCTYPE html> ... <body>, with the language, the title, the stylesheet
 * at root/site/style.css (root is "" or "../") and a skip link. */
void html_page_begin(strbuf *b, const char *lang, const char *title, const char *root);
void html_page_end(strbuf *b, const char *root, int with_script);

#endif
