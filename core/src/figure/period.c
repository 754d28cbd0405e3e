#include "figure/period.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/period.h"
#include "data/table.h"
#include "format/jsonfile.h"
#include "import/facts.h"
#include "util/strbuf.h"

/* The spec members a build draws that may state a period. Other texts keep
 * their own placeholders (the maps' class labels use {a} and {b}). */
static const char *const PERIOD_TEXTS[] = {"title", "title_template", "subtitle", "xlabel", "ylabel", "source", NULL};
/* Texts the site and `wrrfig info` show as written in the spec: a period
 * placeholder there would be shown raw, so it is refused. */
static const char *const LITERAL_TEXTS[] = {"alt", "chart", NULL};

static int check_literal(const cJSON *s, const char *spec_path, const char *json_path, wf_error *err)
{
    if (strstr(s->valuestring, "{from}") || strstr(s->valuestring, "{to}"))
        return wf_errorf(err, "%s: %s: {from}/{to} only in the texts a build draws (title, title_template, subtitle, "
                              "xlabel, ylabel, source); this one is shown as written",
                         spec_path, json_path);
    return 0;
}

static int expand_string(cJSON *s, const char *spec_path, const char *json_path, bool has_period, int from, int to,
                         wf_error *err)
{
    size_t n = strlen(s->valuestring) + 64;
    char *out = xmalloc(n), what[160];
    if (wfc_period_template(s->valuestring, has_period, from, to, out, n, what, sizeof what) != 0) {
        free(out);
        return wf_errorf(err, "%s: %s: %s", spec_path, json_path, what);
    }
    if (strcmp(out, s->valuestring) != 0)
        cJSON_SetValuestring(s, out);
    free(out);
    return 0;
}

int fig_period_expand(cJSON *spec, const char *spec_path, bool has_period, int from, int to, wf_error *err)
{
    for (size_t k = 0; PERIOD_TEXTS[k]; k++) {
        cJSON *m = cJSON_GetObjectItemCaseSensitive(spec, PERIOD_TEXTS[k]);
        char path[96];
        if (cJSON_IsString(m)) {
            snprintf(path, sizeof path, "$.%s", PERIOD_TEXTS[k]);
            if (expand_string(m, spec_path, path, has_period, from, to, err) != 0)
                return -1;
        } else if (cJSON_IsObject(m)) {
            for (cJSON *l = m->child; l; l = l->next) {
                if (!cJSON_IsString(l))
                    continue;
                snprintf(path, sizeof path, "$.%s.%.32s", PERIOD_TEXTS[k], l->string);
                if (expand_string(l, spec_path, path, has_period, from, to, err) != 0)
                    return -1;
            }
        }
    }
    for (size_t k = 0; LITERAL_TEXTS[k]; k++) {
        const cJSON *m = cJSON_GetObjectItemCaseSensitive(spec, LITERAL_TEXTS[k]);
        char path[96];
        if (cJSON_IsString(m)) {
            snprintf(path, sizeof path, "$.%s", LITERAL_TEXTS[k]);
            if (check_literal(m, spec_path, path, err) != 0)
                return -1;
        }
        for (const cJSON *l = cJSON_IsObject(m) ? m->child : NULL; l; l = l->next) {
            snprintf(path, sizeof path, "$.%s.%.32s", LITERAL_TEXTS[k], l->string);
            if (cJSON_IsString(l) && check_literal(l, spec_path, path, err) != 0)
                return -1;
        }
    }
    return 0;
}

/* A JSON number that is a plausible year, or -1. */
static int year_number(const cJSON *v)
{
    if (!cJSON_IsNumber(v) || !(v->valuedouble >= 1000 && v->valuedouble <= 9999) ||
        v->valuedouble != (double)(int)v->valuedouble)
        return -1;
    return (int)v->valuedouble;
}

static int code_year(const cJSON *obj, const char *key)
{
    int y;
    const char *code = json_str(obj, key);
    return code && wfc_period_year(code, &y) ? y : -1;
}

/* The dimension of t named by the sidecar (key), else `fallback` when t has
 * it, else NULL. */
static const char *dim_name(const wf_table *t, const char *named, const char *fallback)
{
    if (named && table_dim(t, named) >= 0)
        return named;
    return fallback && table_dim(t, fallback) >= 0 ? fallback : NULL;
}

/* The data's extent for the figure's topics, computed from the table
 * itself (import/facts.c, the same facts the importer writes into the
 * sidecar): a hand-made fixture or a stale sidecar cannot make a title lie.
 * The sidecar only names the dimensions (computed.periods.dimension,
 * unit_dim; else Perioden and Onderwerp). Returns 0 (p->data_known set
 * when the table has periods), -1 for a topic the table has no number for. */
static int data_extent(fig_period *p, const cJSON *period, const char *spec_path, const char *data_dir,
                       wf_error *err)
{
    wf_table *t = NULL;
    wf_error terr;
    if (table_load(data_dir, p->table, &t, &terr) != 0)
        return 0; /* unreadable: the plugin's opening of it reports that (an unreadable input, not a spec error) */
    const cJSON *meta = t->meta;
    const char *pd = dim_name(t, json_str(json_at(meta, "computed.periods"), "dimension"), "Perioden");
    const char *td = dim_name(t, json_str(meta, "unit_dim"), "Onderwerp");
    cJSON *computed = imp_facts(t, pd, td);
    const cJSON *topics = cJSON_GetObjectItemCaseSensitive(period, "topics");
    int rc = 0;
    if (topics) {
        const cJSON *have = cJSON_GetObjectItemCaseSensitive(computed, "topics");
        int first = -1, last = -1, i = 0;
        const cJSON *it;
        cJSON_ArrayForEach(it, topics)
        {
            const cJSON *e = cJSON_IsString(it) ? cJSON_GetObjectItemCaseSensitive(have, it->valuestring) : NULL;
            if (!cJSON_IsString(it)) {
                rc = wf_errorf(err, "%s: $.period.topics[%d]: expected a topic code (a string)", spec_path, i);
                break;
            }
            if (!e) {
                rc = wf_errorf(err, "%s: $.period.topics[%d]: '%s' is not a topic with numbers in %s (dimension %s)",
                               spec_path, i, it->valuestring, p->table, td ? td : "(none)");
                break;
            }
            int f = code_year(e, "first"), l = code_year(e, "last");
            if (f > 0 && (first < 0 || f < first))
                first = f;
            if (l > last)
                last = l;
            i++;
        }
        if (rc == 0 && first > 0 && last > 0) {
            p->data_first = first;
            p->data_last = last;
            p->data_known = true;
        }
    } else {
        const cJSON *per = cJSON_GetObjectItemCaseSensitive(computed, "periods");
        int f = code_year(per, "first_with_number"), l = code_year(per, "last_with_number");
        if (f > 0 && l > 0) {
            p->data_first = f;
            p->data_last = l;
            p->data_known = true;
        }
    }
    cJSON_Delete(computed);
    table_free(t);
    return rc;
}

int fig_period_resolve(cJSON *spec, const char *spec_path, const char *data_dir, const char *const *inputs,
                       bool latest, fig_period *p, wf_error *err)
{
    memset(p, 0, sizeof *p);
    p->latest = latest;
    if (!spec_path)
        spec_path = "(spec)";
    cJSON *period = cJSON_GetObjectItemCaseSensitive(spec, "period");
    /* a string is one period's code ("2019KW04"), not a series */
    if (!period || cJSON_IsString(period))
        return fig_period_expand(spec, spec_path, false, 0, 0, err);
    if (!cJSON_IsObject(period))
        return wf_errorf(err, "%s: $.period: expected an object {\"from\": YEAR, \"to\": YEAR} (or one period's code)", spec_path);
    int from = year_number(cJSON_GetObjectItemCaseSensitive(period, "from"));
    int to = year_number(cJSON_GetObjectItemCaseSensitive(period, "to"));
    if (from < 0 || to < 0 || from > to)
        return wf_errorf(err, "%s: $.period: expected \"from\" and \"to\" years, from <= to", spec_path);
    const char *table = json_str(period, "table");
    if (!table)
        table = inputs && inputs[0] ? inputs[0] : NULL;
    if (!table)
        return wf_errorf(err, "%s: $.period: the figure declares no input; name one in period.table", spec_path);
    bool declared = false;
    for (size_t i = 0; inputs && inputs[i]; i++)
        declared = declared || strcmp(inputs[i], table) == 0;
    if (!declared)
        return wf_errorf(err, "%s: $.period.table: '%s' is not an input of the figure", spec_path, table);
    p->present = true;
    p->report_from = from;
    p->report_to = to;
    snprintf(p->table, sizeof p->table, "%s", table);
    if (data_extent(p, period, spec_path, data_dir, err) != 0)
        return -1;
    p->from = from;
    p->to = to;
    if (p->data_known) {
        if (p->data_first > p->from)
            p->from = p->data_first;
        if (latest || p->data_last < p->to)
            p->to = p->data_last;
        if (p->to < p->from) /* no year left: the plugin decides (NO-DATA) */
            p->to = p->from;
    }
    if (latest && p->to != to)
        cJSON_ReplaceItemInObjectCaseSensitive(period, "to", cJSON_CreateNumber(p->to));
    return fig_period_expand(spec, spec_path, true, p->from, p->to, err);
}

bool fig_period_warning(const fig_period *p, char *buf, size_t n)
{
    if (!p->present || p->latest || !p->data_known || p->data_last <= p->report_to)
        return false;
    snprintf(buf, n, "data runs to %d; the report's figure ends in %d", p->data_last, p->report_to);
    return true;
}

const char *fig_period_mode(bool latest)
{
    return latest ? "latest" : "report";
}

cJSON *fig_period_json(const fig_period *p)
{
    if (!p->present)
        return NULL;
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "mode", fig_period_mode(p->latest));
    cJSON_AddNumberToObject(o, "from", p->from);
    cJSON_AddNumberToObject(o, "to", p->to);
    cJSON *r = cJSON_AddObjectToObject(o, "report");
    cJSON_AddNumberToObject(r, "from", p->report_from);
    cJSON_AddNumberToObject(r, "to", p->report_to);
    cJSON *d = cJSON_AddObjectToObject(o, "data");
    cJSON_AddStringToObject(d, "table", p->table);
    if (p->data_known) {
        cJSON_AddNumberToObject(d, "first", p->data_first);
        cJSON_AddNumberToObject(d, "last", p->data_last);
    } else {
        cJSON_AddNullToObject(d, "first");
        cJSON_AddNullToObject(d, "last");
    }
    char w[160];
    if (fig_period_warning(p, w, sizeof w))
        cJSON_AddStringToObject(o, "warning", w);
    return o;
}
