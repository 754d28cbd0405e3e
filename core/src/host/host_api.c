/* The wrrfig_host function table: the only way plugins reach the host. */
#include <stdbool.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "host/ctx.h"
#include "figure/gpwrite.h"
#include "format/jsonfile.h"

static const char *level_name(wrrfig_log_level l)
{
    switch (l) {
    case WRRFIG_LOG_ERROR: return "error";
    case WRRFIG_LOG_WARN: return "warning";
    case WRRFIG_LOG_INFO: return "info";
    default: return "debug";
    }
}

static void api_log(wrrfig_ctx *c, wrrfig_log_level level, const char *fmt, ...)
{
    if (level == WRRFIG_LOG_DEBUG && !getenv("WRRFIG_DEBUG"))
        return;
    va_list ap;
    if (c->quiet) {
        /* A measure's reason for NO-DATA belongs in the claim report, not in
         * hundreds of stderr lines. */
        if (level <= WRRFIG_LOG_WARN) {
            va_start(ap, fmt);
            vsnprintf(c->last_msg, sizeof c->last_msg, fmt, ap);
            va_end(ap);
        }
        if (!getenv("WRRFIG_DEBUG"))
            return;
    }
    va_start(ap, fmt);
    strbuf b = STRBUF_INIT;
    sb_printf(&b, "wrrfig: [%s/%s] %s: ", c->plugin_name, c->item_id, level_name(level));
    sb_vprintf(&b, fmt, ap);
    sb_putc(&b, '\n');
    va_end(ap);
    fputs(b.s, stderr); /* one write per line, so parallel builds do not interleave mid-line */
    sb_free(&b);
}

/* The plugin's printf-style message as a string; caller frees. */
static char *message(const char *fmt, va_list ap)
{
    strbuf b = STRBUF_INIT;
    sb_vprintf(&b, fmt, ap);
    return sb_take(&b);
}

static void api_note(wrrfig_ctx *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *note = message(fmt, ap);
    va_end(ap);
    c->notes = xrealloc(c->notes, (c->n_notes + 1) * sizeof *c->notes);
    c->notes[c->n_notes++] = note;
}

/* Logged like an error, and recorded so that the host, not the plugin's
 * return value, decides: broken input keeps the previous outputs. */
static void api_input_broken(wrrfig_ctx *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = message(fmt, ap);
    va_end(ap);
    api_log(c, WRRFIG_LOG_ERROR, "%s", msg);
    if (!c->broken)
        c->broken_content = true;
    ctx_broken_input(c, msg);
    free(msg);
}

static const char *api_lang(wrrfig_ctx *c) { return c->lang; }

static const wrrfig_table *api_table(wrrfig_ctx *c, const char *name)
{
    if (!name) {
        ctx_misuse(c, "table(NULL)");
        return NULL;
    }
    for (size_t i = 0; i < c->n_tables; i++)
        if (strcmp(c->tables[i]->name, name) == 0)
            return c->tables[i];
    if (!ctx_declared(c, name)) {
        /* Undeclared inputs would make `list` and manifests lie about what a
         * figure depends on. */
        ctx_misuse(c, "table '%s' is not among the declared inputs", name);
        return NULL;
    }
    wf_table *t = NULL;
    for (size_t i = 0; c->cache && i < c->cache->n; i++)
        if (strcmp(c->cache->t[i]->name, name) == 0)
            t = c->cache->t[i];
    wf_error err;
    if (!t) {
        if (table_load(c->data_dir, name, &t, &err) != 0) {
            api_log(c, WRRFIG_LOG_ERROR, "%s", err.msg);
            if (!table_absent(c->data_dir, name))
                ctx_broken_input(c, err.msg);
            return NULL;
        }
        if (c->cache) {
            c->cache->t = xrealloc(c->cache->t, (c->cache->n + 1) * sizeof *c->cache->t);
            c->cache->t[c->cache->n++] = t;
        }
    }
    c->tables = xrealloc(c->tables, (c->n_tables + 1) * sizeof *c->tables);
    c->tables[c->n_tables++] = t;
    const char *slash = t->path ? strrchr(t->path, '/') : NULL;
    wf_input in = {.name = t->name,
                   .file = (char *)(slash ? slash + 1 : t->path),
                   .sha256 = t->sha256,
                   .source = (char *)table_meta_get(t, "source"),
                   .source_file = (char *)table_meta_get(t, "source_file"),
                   .source_sha256 = (char *)table_meta_get(t, "source_sha256"),
                   .licence = (char *)table_meta_get(t, "licence"),
                   .title = (char *)table_meta_get(t, "title")};
    inputs_add(&c->inputs, &in);
    return t;
}

static size_t api_rows(const wrrfig_table *t) { return t ? t->n_rows : 0; }
static size_t api_dims(const wrrfig_table *t) { return t ? t->n_dims : 0; }
static const char *api_dim_name(const wrrfig_table *t, size_t d)
{
    return (t && d < t->n_dims) ? t->dims[d] : NULL;
}
static int api_dim_index(const wrrfig_table *t, const char *name) { return t ? table_dim(t, name) : -1; }
static const char *api_key(const wrrfig_table *t, size_t row, size_t dim)
{
    if (!t || row >= t->n_rows || dim >= t->n_dims)
        return NULL;
    return t->keys[row * t->n_dims + dim];
}
static wrrfig_value_kind api_value(const wrrfig_table *t, size_t row, double *out)
{
    if (!t || row >= t->n_rows)
        return WRRFIG_NO_CELL;
    if (t->kinds[row] == WRRFIG_VALUE && out)
        *out = t->values[row];
    return (wrrfig_value_kind)t->kinds[row];
}
static wrrfig_value_kind api_find(const wrrfig_table *t, const char *q, double *out)
{
    return (t && q) ? table_find_query(t, q, out) : WRRFIG_NO_CELL;
}
static const char *api_meta(const wrrfig_table *t, const char *key) { return t ? table_meta_get(t, key) : NULL; }

static const cJSON *spec_item(wrrfig_ctx *c, const char *key)
{
    return (c->spec && key) ? json_at(c->spec, key) : NULL;
}

/* A string, or an {"nl","en"} object resolved to the output language. */
static const char *text_of(const wrrfig_ctx *c, const cJSON *it)
{
    if (cJSON_IsObject(it)) {
        const char *s = json_str(it, c->lang);
        return s ? s : json_str(it, "nl"); /* Dutch is the report's language */
    }
    return cJSON_GetStringValue(it);
}

static const char *api_spec_text(wrrfig_ctx *c, const char *key) { return text_of(c, spec_item(c, key)); }

static bool api_spec_number(wrrfig_ctx *c, const char *key, double *out)
{
    const cJSON *it = spec_item(c, key);
    if (!cJSON_IsNumber(it))
        return false;
    *out = it->valuedouble;
    return true;
}

static size_t api_spec_count(wrrfig_ctx *c, const char *key)
{
    const cJSON *it = spec_item(c, key);
    return cJSON_IsArray(it) ? (size_t)cJSON_GetArraySize(it) : 0;
}

static void api_gp_cmd(wrrfig_ctx *c, const char *fmt, ...)
{
    if (c->in_block) {
        ctx_misuse(c, "gp_cmd inside a datablock (call gp_block_end first)");
        return;
    }
    va_list ap;
    va_start(ap, fmt);
    wf_error why;
    strbuf line = STRBUF_INIT;
    if (gp_vformat(&line, GP_COMMAND, fmt, ap, &why) != 0)
        ctx_misuse(c, "gp_cmd(\"%s\"): %s", fmt, why.msg);
    else {
        sb_add(&c->body, line.s ? line.s : "", line.len);
        sb_putc(&c->body, '\n');
    }
    va_end(ap);
    sb_free(&line);
}

static bool valid_ident(const char *s)
{
    if (!s || !((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') || *s == '_'))
        return false;
    for (; *s; s++)
        if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
            return false;
    return true;
}

static void api_block_begin(wrrfig_ctx *c, const char *name)
{
    if (c->in_block || !valid_ident(name)) {
        ctx_misuse(c, "gp_block_begin('%s'): %s", name ? name : "(null)",
                   c->in_block ? "a datablock is already open" : "name must be an identifier");
        return;
    }
    sb_printf(&c->blocks, "$%s << EOD_WRRFIG\n", name);
    c->in_block = 1;
}

static void api_block_row(wrrfig_ctx *c, const char *fmt, ...)
{
    if (!c->in_block) {
        ctx_misuse(c, "gp_block_row outside a datablock");
        return;
    }
    va_list ap;
    va_start(ap, fmt);
    wf_error why;
    strbuf line = STRBUF_INIT;
    if (gp_vformat(&line, GP_DATA, fmt, ap, &why) != 0)
        ctx_misuse(c, "gp_block_row(\"%s\"): %s", fmt, why.msg);
    else if (strcmp(line.s ? line.s : "", "EOD_WRRFIG") == 0)
        ctx_misuse(c, "gp_block_row: a row may not equal the terminator");
    else {
        sb_add(&c->blocks, line.s ? line.s : "", line.len);
        sb_putc(&c->blocks, '\n');
    }
    va_end(ap);
    sb_free(&line);
}

static void api_block_end(wrrfig_ctx *c)
{
    if (!c->in_block) {
        ctx_misuse(c, "gp_block_end without gp_block_begin");
        return;
    }
    sb_puts(&c->blocks, "EOD_WRRFIG\n");
    c->in_block = 0;
}

static void api_set_title(wrrfig_ctx *c, const char *title)
{
    free(c->title);
    c->title = title ? xstrdup(title) : NULL;
}

#include "format/csv.h"

static void api_csv_row(wrrfig_ctx *c, const char *types, ...)
{
    size_t n = strlen(types);
    if (c->csv_cols == 0 && strspn(types, "s") != n) {
        /* A number read where the plugin passed a string is garbage (the
         * probe found one in a shipped CSV), so the header is text only. */
        ctx_misuse(c, "csv_row: the header row takes text cells only (types \"%s\")", types);
        return;
    }
    if (c->csv_cols == 0)
        c->csv_cols = n;
    else if (n != c->csv_cols) {
        ctx_misuse(c, "csv_row with %zu cells, the header has %zu", n, c->csv_cols);
        return;
    }
    va_list ap;
    va_start(ap, types);
    for (size_t i = 0; i < n; i++) {
        if (i)
            sb_putc(&c->csv, ',');
        switch (types[i]) {
        case 's': {
            const char *s = va_arg(ap, const char *);
            csv_put_field(&c->csv, s ? s : "", ',');
            break;
        }
        case 'n': {
            double v = va_arg(ap, double);
            if (!isnan(v))
                sb_number(&c->csv, v);
            break;
        }
        case 'i': sb_printf(&c->csv, "%d", va_arg(ap, int)); break;
        default:
            ctx_misuse(c, "csv_row: unknown cell type '%c' (use s, n, i)", types[i]);
            va_end(ap);
            return;
        }
    }
    va_end(ap);
    sb_putc(&c->csv, '\n');
}

static const char *api_param_text(const wrrfig_params *p, const char *name)
{
    for (size_t i = 0; p && i < p->n; i++)
        if (strcmp(p->keys[i], name) == 0)
            return p->values[i];
    return NULL;
}

static bool api_param_number(const wrrfig_params *p, const char *name, double *out)
{
    const char *s = api_param_text(p, name);
    if (!s || !*s)
        return false;
    char *end;
    double v = strtod(s, &end);
    if (*end != '\0')
        return false;
    *out = v;
    return true;
}

static void api_output_text(wrrfig_ctx *c, const char *ext, const char *text)
{
    static const char *const reserved[] = {"gp", "csv", "json", "svg", "pdf", "png"};
    size_t n = ext ? strlen(ext) : 0;
    int ok = n >= 1 && n <= 8 && text;
    for (size_t i = 0; ok && i < n; i++)
        ok = ext[i] >= 'a' && ext[i] <= 'z';
    for (size_t i = 0; ok && i < sizeof reserved / sizeof *reserved; i++)
        ok = strcmp(ext, reserved[i]) != 0;
    if (!ok) {
        ctx_misuse(c, "output_text('%s'): extension must be 1-8 lower-case letters and not one the host writes",
                   ext ? ext : "(null)");
        return;
    }
    for (size_t i = 0; i < c->n_extra; i++)
        if (strcmp(c->extra_ext[i], ext) == 0) {
            free(c->extra_text[i]);
            c->extra_text[i] = xstrdup(text);
            return;
        }
    c->extra_ext = xrealloc(c->extra_ext, (c->n_extra + 1) * sizeof *c->extra_ext);
    c->extra_text = xrealloc(c->extra_text, (c->n_extra + 1) * sizeof *c->extra_text);
    c->extra_ext[c->n_extra] = xstrdup(ext);
    c->extra_text[c->n_extra] = xstrdup(text);
    c->n_extra++;
}

/* Kind parameters: c->kind_params holds the checked inputs and params. */
static const cJSON *kind_item(wrrfig_ctx *c, const char *name)
{
    return (c->kind_params && name) ? json_at(c->kind_params, name) : NULL;
}

static const char *api_kind_text(wrrfig_ctx *c, const char *name) { return text_of(c, kind_item(c, name)); }

static bool api_kind_number(wrrfig_ctx *c, const char *name, double *out)
{
    const cJSON *it = kind_item(c, name);
    if (!cJSON_IsNumber(it))
        return false;
    *out = it->valuedouble;
    return true;
}

static size_t api_kind_count(wrrfig_ctx *c, const char *name)
{
    const cJSON *it = kind_item(c, name);
    return cJSON_IsArray(it) ? (size_t)cJSON_GetArraySize(it) : 0;
}

static const wrrfig_host the_host = {
    WRRFIG_ABI_MAJOR, WRRFIG_ABI_MINOR,
    api_log, api_note, api_lang,
    api_table, api_rows, api_dims, api_dim_name, api_dim_index, api_key, api_value, api_find, api_meta,
    host_geo_features,
    api_spec_text, api_spec_number, api_spec_count,
    api_gp_cmd, api_block_begin, api_block_row, api_block_end, api_set_title,
    api_csv_row,
    api_param_text, api_param_number,
    api_output_text,
    api_kind_text, api_kind_number, api_kind_count,
    api_input_broken,
};

const wrrfig_host *host_api(void) { return &the_host; }
