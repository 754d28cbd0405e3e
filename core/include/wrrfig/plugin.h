/*
 * wrrfig/plugin.h - the one header a wrrfig chapter plugin includes.
 *
 * A plugin is a shared object that exports exactly one symbol,
 *
 *     const wrrfig_plugin WRRFIG_PLUGIN_SYMBOL;   (use WRRFIG_PLUGIN_DEFINE)
 *
 * describing itself, its figures and its measures. It links against nothing
 * from the host: every service (data tables, figure specs, the gnuplot and CSV
 * writers, logging, notes) reaches it through the wrrfig_host function table
 * passed to each callback.
 *
 * Ownership rules, stated once for the whole API:
 *   - Everything in the descriptor (strings, arrays) is owned by the plugin and
 *     must be static for the life of the shared object. The host copies what it
 *     keeps, so it never holds a pointer into a plugin after dlclose().
 *   - Everything the host hands to a callback (tables, strings returned by
 *     table/spec/param getters) is owned by the host and stays valid until that
 *     callback returns. A plugin must not free it and must not keep it.
 *   - Strings a plugin passes to host functions are copied by the host before
 *     the call returns; the plugin keeps ownership.
 *   - A plugin has no global mutable state: callbacks may run in any process,
 *     any number of times, in any order.
 *
 * Versioning: WRRFIG_ABI_MAJOR changes when anything here changes
 * incompatibly; the host refuses plugins of another major. WRRFIG_ABI_MINOR
 * grows with compatible additions; the host refuses plugins that need a newer
 * minor than it has, and reads older ones correctly. What a minor may add:
 *   - functions at the end of wrrfig_host (a plugin never calls functions
 *     of a minor newer than its own, because it was not compiled with them);
 *   - fields at the end of wrrfig_plugin (the host reads only the fields of
 *     the plugin's abi_minor);
 *   - fields at the end of an element of an array a plugin hands the host:
 *     wrrfig_figure, wrrfig_measure, wrrfig_kind, wrrfig_param. Each such
 *     array has an element-size field beside it (figure_size, measure_size,
 *     kind_size, param_size) that the plugin fills with sizeof of its own
 *     struct (WRRFIG_ARRAY does it). The host steps through the array by
 *     that size, never by its own sizeof, and treats fields past the end of
 *     a smaller element as absent (NULL / 0).
 * The arrays the host hands a plugin (wrrfig_feature, wrrfig_ring) are
 * frozen for the life of a major: a plugin indexes them with [] as usual.
 * Anything a later minor wants to add to a feature comes through a new
 * host function, never by growing these structs.
 *
 * History: 2.0 element sizes, figure kinds, bool getters. 2.1 `doc` on
 * wrrfig_figure. 2.2 `input_broken` in wrrfig_host.
 */
#ifndef WRRFIG_PLUGIN_H
#define WRRFIG_PLUGIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define WRRFIG_ABI_MAGIC 0x57524647u /* "WRFG" */
#define WRRFIG_ABI_MAJOR 2
#define WRRFIG_ABI_MINOR 2
#define WRRFIG_PLUGIN_SYMBOL wrrfig_plugin_descriptor
#define WRRFIG_PLUGIN_SYMBOL_NAME "wrrfig_plugin_descriptor"

#if defined(__GNUC__)
#define WRRFIG_EXPORT __attribute__((visibility("default")))
#define WRRFIG_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define WRRFIG_EXPORT
#define WRRFIG_PRINTF(a, b)
#endif

/* Results of figure builds and measure evaluations. */
typedef enum wrrfig_status {
    WRRFIG_OK = 0,
    WRRFIG_ERROR = 1,  /* a real failure: bad data, a bug; reason logged */
    WRRFIG_NODATA = 2  /* an input is absent or lacks the needed cells */
} wrrfig_status;

/* Kinds of value a table cell can hold. CBS marks absent values with
 * symbols; the kind records which one, so nothing is silently a zero. */
typedef enum wrrfig_value_kind {
    WRRFIG_VALUE = 0,        /* a number */
    WRRFIG_MISSING = 1,      /* '.'  figure unknown / not available */
    WRRFIG_SECRET = 2,       /* 'x'  suppressed (geheim) */
    WRRFIG_NIL = 3,          /* '-'  nil: nothing to count (a true zero by definition) */
    WRRFIG_EMPTY = 4,        /* ''   cannot occur on logical grounds */
    WRRFIG_NO_CELL = 5       /* no such row in the table */
} wrrfig_value_kind;

typedef enum wrrfig_log_level {
    WRRFIG_LOG_ERROR = 0,
    WRRFIG_LOG_WARN = 1,
    WRRFIG_LOG_INFO = 2,
    WRRFIG_LOG_DEBUG = 3
} wrrfig_log_level;

/* Opaque host objects. */
typedef struct wrrfig_ctx wrrfig_ctx;       /* one figure build or measure evaluation */
typedef struct wrrfig_table wrrfig_table;   /* a tidy data table, read-only */
typedef struct wrrfig_params wrrfig_params; /* parameters of a measure call */

/* Geometry (read from data/<ns>/<name>.geojson): each feature is a region with
 * its rings in file order. Coordinates are those of the file (RD New,
 * EPSG:28992, for the project's converted boundaries). Frozen for major 2
 * (see Versioning). */
typedef struct wrrfig_ring {
    const double *xy;            /* x0,y0,x1,y1,... ; first point repeated last */
    size_t n_points;
    int is_hole;                 /* an inner ring of the polygon before it */
} wrrfig_ring;

typedef struct wrrfig_feature {
    const char *code;            /* e.g. "GM0363" (trimmed) */
    const char *name;            /* e.g. "Amsterdam" */
    const wrrfig_ring *rings;
    size_t n_rings;
} wrrfig_feature;

/*
 * The host function table. All functions are safe to call with the ctx the
 * callback received; none may be called after the callback returns.
 */
typedef struct wrrfig_host {
    uint32_t abi_major, abi_minor; /* of the host */

    /* --- logging and notes ------------------------------------------- */
    /* Messages are prefixed by the host with plugin name and figure id. */
    void (*log)(wrrfig_ctx *ctx, wrrfig_log_level level, const char *fmt, ...) WRRFIG_PRINTF(3, 4);
    /* Adds a note to the figure's manifest and notes (e.g. "1946-1949 are
     * not in the data"). Text is copied. */
    void (*note)(wrrfig_ctx *ctx, const char *fmt, ...) WRRFIG_PRINTF(2, 3);
    /* The output language, "nl" or "en". */
    const char *(*lang)(wrrfig_ctx *ctx);

    /* --- data tables ------------------------------------------------- */
    /* Opens a table by name ("cbs/37296ned", "report/tab-2-1"). Returns NULL
     * (after logging why) when it is absent or unreadable. The name should be
     * one of the inputs the figure or measure declared. Host-owned. */
    const wrrfig_table *(*table)(wrrfig_ctx *ctx, const char *name);
    size_t (*table_rows)(const wrrfig_table *t);
    size_t (*table_dims)(const wrrfig_table *t);
    const char *(*table_dim_name)(const wrrfig_table *t, size_t dim);
    /* Index of a dimension column, or -1. */
    int (*table_dim_index)(const wrrfig_table *t, const char *name);
    /* The code in a row's dimension cell (trimmed). */
    const char *(*table_key)(const wrrfig_table *t, size_t row, size_t dim);
    /* A row's value; *out is set only when the kind is WRRFIG_VALUE. */
    wrrfig_value_kind (*table_value)(const wrrfig_table *t, size_t row, double *out);
    /* Looks up the row whose dimensions match a query such as
     * "Perioden=2016;Onderwerp=Immigratie" (every named dimension must
     * match; unnamed dimensions are ignored, and the first match wins).
     * Returns WRRFIG_NO_CELL when no row matches. */
    wrrfig_value_kind (*table_find)(const wrrfig_table *t, const char *query, double *out);
    /* Metadata from the provenance sidecar: "source", "licence", "unit",
     * "title", "sha256", ... or "label:<dim>:<code>" for a code's label;
     * "name" is the table's name and "file" the CSV it was read from (for
     * error messages). NULL when absent. */
    const char *(*table_meta)(const wrrfig_table *t, const char *key);

    /* --- geometry --------------------------------------------------- */
    /* Features of a geometry input ("geo/gemeente_2015"), sorted by code;
     * *n receives their number. NULL (after logging why) when absent or
     * unreadable. Host-owned, valid until the callback returns. */
    const wrrfig_feature *(*geo_features)(wrrfig_ctx *ctx, const char *name, size_t *n);

    /* --- the figure spec (figures/<id>.json) ----------------------------
     * Keys are dotted paths; text keys resolve {"nl":..,"en":..} objects to
     * the output language. NULL / 0 when absent. */
    const char *(*spec_text)(wrrfig_ctx *ctx, const char *key);
    bool (*spec_number)(wrrfig_ctx *ctx, const char *key, double *out); /* true: found */
    /* Number of elements of an array at key (0 when absent). Elements are
     * addressed as "key.0", "key.1", ... */
    size_t (*spec_count)(wrrfig_ctx *ctx, const char *key);

    /* --- the gnuplot script -------------------------------------------
     * The host writes the preamble (terminal, house style, title, source
     * line) and the loop over output formats; a plugin writes datablocks
     * and the plot commands.
     *
     * gp_cmd appends one command line. fmt is a trusted literal from the
     * plugin's source; its directives are:
     *   %d %u %ld %lu %zu  integers
     *   %g                 a double, C locale, shortest exact form; NaN -> NaN
     *   %.Nf               a double with N decimals, C locale
     *   %q                 a string from data or spec: written as a
     *                      single-quoted gnuplot string, ' doubled, newlines
     *                      joined as "\n" (never executed, never expanded)
     *   %c                 a colour from the house palette by index (int),
     *                      written quoted, e.g. '#0072b2'
     *   %%                 a percent sign
     * Any other directive (notably %s) is refused, so data cannot reach the
     * command line unquoted. */
    void (*gp_cmd)(wrrfig_ctx *ctx, const char *fmt, ...);
    /* Datablock $name (an identifier [A-Za-z_][A-Za-z0-9_]*): begin, rows,
     * end. Rows use the same directives; %q in a row writes a double-quoted
     * field with any character gnuplot could treat specially replaced, which
     * is safe because datablock lines are never evaluated. Strings for
     * labels should go through columns of a datablock ("with labels"). */
    void (*gp_block_begin)(wrrfig_ctx *ctx, const char *name);
    void (*gp_block_row)(wrrfig_ctx *ctx, const char *fmt, ...);
    void (*gp_block_end)(wrrfig_ctx *ctx);
    /* Overrides the spec's title for this build (e.g. with a year the data
     * determined). Copied. */
    void (*set_title)(wrrfig_ctx *ctx, const char *title);

    /* --- the figure's numbers as CSV ---------------------------------
     * csv_row(ctx, types, ...): one row; types holds one letter per cell:
     *   's' const char *   (quoted as RFC 4180 requires)
     *   'n' double         (NaN written as an empty cell)
     *   'i' int
     * The first call gives the header (all 's'). */
    void (*csv_row)(wrrfig_ctx *ctx, const char *types, ...);

    /* --- measures ---------------------------------------------------- */
    /* Parameters of a measure call, e.g. year=2016 or type='Totaal'. */
    const char *(*param_text)(const wrrfig_params *p, const char *name);
    bool (*param_number)(const wrrfig_params *p, const char *name, double *out); /* true: found */

    /* --- extra outputs ------------------------------------------------ */
    /* Writes text beside the figure as <out>/<id>.<ext> (atomically, after
     * the build succeeds): e.g. "md" for a Markdown table, "html". ext is
     * 1-8 lower-case letters and not one the host writes itself (gp, csv,
     * json, svg, pdf, png). Text is copied. Calling it again with the same
     * ext replaces the text. */
    void (*output_text)(wrrfig_ctx *ctx, const char *ext, const char *text);

    /* --- figure kinds (ABI 2.0) ------------------------------------------
     * The parameters of a figure built from a kind (see wrrfig_kind): the
     * spec's "inputs" and "params" members, already checked against the
     * kind's declaration, with the declared defaults filled in. name is a
     * parameter name, or "name.N" for element N of a list parameter.
     * kind_text gives table and layer parameters (the table name to pass to
     * table() or geo_features()) and text parameters ({"nl","en"} resolved
     * to the output language). For a fixed figure, or a parameter the kind
     * does not declare, they return NULL / false / 0. Host-owned strings,
     * valid until the callback returns. */
    const char *(*kind_text)(wrrfig_ctx *ctx, const char *name);
    bool (*kind_number)(wrrfig_ctx *ctx, const char *name, double *out); /* true: found */
    size_t (*kind_count)(wrrfig_ctx *ctx, const char *name);             /* elements of a list */

    /* --- 2.2 --- */
    /* An input is present and readable but its content cannot be right:
     * a negative count, a share above 100. The message (copied) names the
     * file, the row and the column. The figure (or measure) then fails as
     * broken input, like an unreadable file: a non-zero exit and its
     * previous outputs kept, where a plugin error would replace them with a
     * "failed" manifest. Return WRRFIG_ERROR after calling it. */
    void (*input_broken)(wrrfig_ctx *ctx, const char *fmt, ...) WRRFIG_PRINTF(2, 3);
} wrrfig_host;

/* Builds one figure. Returns WRRFIG_OK, WRRFIG_NODATA (log why) or
 * WRRFIG_ERROR. */
typedef wrrfig_status (*wrrfig_build_fn)(const wrrfig_host *host, wrrfig_ctx *ctx);

/* Evaluates a measure to one number in *out. */
typedef wrrfig_status (*wrrfig_measure_fn)(const wrrfig_host *host, wrrfig_ctx *ctx,
                                           const wrrfig_params *params, double *out);

/* A fixed figure: one id, one spec, inputs fixed in C.
 * Figure ids (fixed or from a spec) follow one rule, checked by the host:
 *   - a figure of the report: fig-C-N, tab-C-N or kader-C-N (C the chapter,
 *     N the number), optionally with a variant: fig-2-14-report, fig-2-15-2017;
 *   - any other figure: <plugin>-<name>, prefixed with the name of the plugin
 *     that draws it (hhi-granularity, hhi-wijk-amsterdam-2019);
 * with lower-case letters, digits and '-' only. */
typedef struct wrrfig_figure {
    const char *id;              /* "tab-2-1": spec is figures/<id>.json */
    const char *const *inputs;   /* NULL-terminated table names it reads */
    /* What to download when an input is absent, e.g.
     * "CBS 84910NED: population by origin country per municipality". */
    const char *needs;
    wrrfig_build_fn build;
    /* --- 2.1 --- */
    const char *doc;             /* one sentence: what the figure shows (may be NULL) */
} wrrfig_figure;

typedef struct wrrfig_measure {
    const char *name;            /* "immigration.total", plugin-name prefixed */
    const char *params;          /* documentation: "year" or "type, cohort, stay" */
    const char *unit;            /* "persons", "percent", "index", ... */
    const char *doc;             /* one sentence: what is computed and how */
    const char *const *inputs;   /* NULL-terminated table names it reads */
    wrrfig_measure_fn eval;
} wrrfig_measure;

/* --- figure kinds (ABI 2.0) ---------------------------------------------
 * A kind is a figure with its inputs and settings left open: a plugin
 * declares the kind and its parameters, and any number of specs
 * (figures/<id>.json) instantiate it:
 *
 *   {"id": "hhi-wijk-amsterdam-2019", "kind": "hhi.area-map",
 *    "inputs": {"origin": "hhi/kwb2019_amsterdam", "boundaries": "geo/wijk_2019_amsterdam"},
 *    "params": {"code_prefix": "WK0363", "year": 2019},
 *    "title": {"nl": "...", "en": "..."}, "source": {...}, "notes": [...]}
 *
 * Parameters of type TABLE or LAYER are given in "inputs" (their values are
 * table / layer names), all others in "params". The host checks the spec
 * against the declaration before any plugin code runs (unknown names, wrong
 * types and missing required parameters are errors with the JSON path),
 * fills in defaults, and treats the spec's inputs as the figure's declared
 * inputs: only they can be opened, an absent one makes the figure NO-DATA,
 * and the manifest records them. The build callback reads the values with
 * kind_text / kind_number / kind_count; the spec's other members (title,
 * source, layout) with spec_text and friends, as for a fixed figure. */
typedef enum wrrfig_param_type {
    WRRFIG_PARAM_TABLE = 0,      /* a table name, e.g. "cbs/37296ned" (in "inputs") */
    WRRFIG_PARAM_LAYER = 1,      /* a geometry layer name, e.g. "geo/wijk_2019" (in "inputs") */
    WRRFIG_PARAM_TEXT = 2,       /* a string, or {"nl": .., "en": ..} */
    WRRFIG_PARAM_NUMBER = 3,
    WRRFIG_PARAM_LIST = 4        /* an array of strings or numbers */
} wrrfig_param_type;

typedef struct wrrfig_param {
    const char *name;            /* [a-z][a-z0-9_]*, unique within the kind */
    wrrfig_param_type type;
    /* The default as JSON text ("2019", "\"WK\"", "[\"a\", \"b\"]"), or NULL
     * when the spec must give the parameter. A TABLE or LAYER parameter
     * with a default names the table used when the spec gives none. */
    const char *def;
    const char *doc;             /* one sentence, shown by `wrrfig info` */
} wrrfig_param;

typedef struct wrrfig_kind {
    const char *id;              /* "hhi.area-map": plugin-name prefixed, like measures */
    const char *doc;             /* one sentence: what a figure of this kind shows */
    const wrrfig_param *params;
    size_t param_size;           /* sizeof(wrrfig_param) as the plugin knows it */
    size_t n_params;
    /* What to download when an input is absent (a spec's "needs" member,
     * when present, replaces it). */
    const char *needs;
    wrrfig_build_fn build;
} wrrfig_kind;

typedef struct wrrfig_plugin {
    uint32_t magic;              /* WRRFIG_ABI_MAGIC */
    uint16_t abi_major;          /* WRRFIG_ABI_MAJOR the plugin was built for */
    uint16_t abi_minor;          /* WRRFIG_ABI_MINOR the plugin was built for */
    const char *name;            /* equals the file stem: name.so */
    const char *version;         /* the plugin's own version, e.g. "1.0.0" */
    const char *description;
    const wrrfig_figure *figures;
    size_t figure_size;          /* sizeof(wrrfig_figure) as the plugin knows it */
    size_t n_figures;
    const wrrfig_measure *measures;
    size_t measure_size;
    size_t n_measures;
    const wrrfig_kind *kinds;
    size_t kind_size;
    size_t n_kinds;
} wrrfig_plugin;

#define WRRFIG_COUNT(a) (sizeof(a) / sizeof((a)[0]))
/* An array argument of WRRFIG_PLUGIN / a kind's params: pointer, element
 * size, count. */
#define WRRFIG_ARRAY(a) (a), sizeof((a)[0]), WRRFIG_COUNT(a)
/* The same for an array declared elsewhere with n elements. */
#define WRRFIG_ARRAY_N(a, n) (a), sizeof((a)[0]), (n)
#define WRRFIG_NONE NULL, 0, 0

/* Declares the plugin once:
 *   WRRFIG_PLUGIN("hhi", "1.0.0", "Diversity index", WRRFIG_ARRAY(figs), WRRFIG_ARRAY(measures),
 *                 WRRFIG_ARRAY(kinds));
 * with WRRFIG_NONE for what the plugin does not provide. */
#define WRRFIG_PLUGIN(name_, version_, desc_, figures_, measures_, kinds_)           \
    WRRFIG_EXPORT const wrrfig_plugin WRRFIG_PLUGIN_SYMBOL = {                        \
        WRRFIG_ABI_MAGIC, WRRFIG_ABI_MAJOR, WRRFIG_ABI_MINOR, name_, version_, desc_, \
        figures_, measures_, kinds_}
/* Shorthands for plugins without kinds. */
#define WRRFIG_PLUGIN_DEFINE(name_, version_, desc_, figs_, measures_) \
    WRRFIG_PLUGIN(name_, version_, desc_, WRRFIG_ARRAY(figs_), WRRFIG_ARRAY(measures_), WRRFIG_NONE)
#define WRRFIG_PLUGIN_DEFINE_NO_MEASURES(name_, version_, desc_, figs_) \
    WRRFIG_PLUGIN(name_, version_, desc_, WRRFIG_ARRAY(figs_), WRRFIG_NONE, WRRFIG_NONE)

#ifdef __cplusplus
}
#endif
#endif /* WRRFIG_PLUGIN_H */
