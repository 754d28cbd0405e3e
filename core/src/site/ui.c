/* The site's own words, in both languages. */
#include "site/site.h"

static const site_ui ui_nl = {
    .lang = "nl", .other_lang = "en", .other_name = "English", .suffix = "", .other_suffix = ".en",
    .site_title = "Samenleven in verscheidenheid: figuren, data en claims",
    .intro = "Alle figuren en tabellen van het WRR-rapport Samenleven in verscheidenheid (2020), opnieuw "
             "gemaakt uit data door wrrfig, in de volgorde van het rapport. Elke figuur heeft een pagina met "
             "de getallen, de bronnen en de claims van het rapport erover.",
    .chapter = "Hoofdstuk", .summary = "Samenvatting", .all_figures = "Alle figuren", .claims = "Claims",
    .status_ok = "getekend", .status_nodata = "NO-DATA", .status_missing = "niet gebouwd",
    .missing_input = "Ontbrekende invoer", .needs = "Nodig", .fetchable = "Op te halen met wrrfig fetch",
    .yes = "ja", .no = "nee", .variant_of = "Variant van", .variants = "Varianten",
    .notes = "Noten en afwijkingen van het rapport", .numbers = "De getallen", .provenance = "Herkomst",
    .input = "Invoertabel", .source = "Bron", .licence = "Licentie", .sidecar = "Herkomstbestand",
    .plugin = "Plugin", .gnuplot = "gnuplot", .host = "wrrfig", .spec = "Specificatie",
    .downloads = "Downloads", .claims_about = "Claims over deze figuur", .none = "geen",
    .claimed = "Rapport", .observed = "Data", .reason = "Toelichting", .expected = "Verwacht",
    .report_line = "rapport, regel", .search = "Zoeken", .verdict = "Oordeel", .figure = "Figuur",
    .all = "alle", .shown = "getoond", .no_render = "Deze figuur is niet getekend.",
    .no_claims = "Geen claimrapport gevonden (wrrfig check).",
    .passage_missing = "De rapporttekst was bij het bouwen niet beschikbaar.", .rows = "rijen",
    .extra = "extra", .title_word = "Titel", .inputs = "Invoertabellen", .report_section = "Rapport, paragraaf",
    .chart = "Weergave", .table = "Tabel", .kind = "Getoetst", .claims_title = "De claims van het rapport, getoetst",
    .extra_figures = "Extra figuren (niet uit het rapport)",
    .kind_data = "tegen data van derden", .kind_internal = "binnen het rapport (tegen zijn eigen tabellen en getallen)",
    .alt_period = "Deze beschrijving geldt voor de periode van het rapport (%d-%d); deze versie toont %d-%d.",
};

static const site_ui ui_en = {
    .lang = "en", .other_lang = "nl", .other_name = "Nederlands", .suffix = ".en", .other_suffix = "",
    .site_title = "Samenleven in verscheidenheid: figures, data and claims",
    .intro = "Every figure and table of the WRR report Samenleven in verscheidenheid (2020), rebuilt from data "
             "by wrrfig, in report order. Each figure has a page with its numbers, its sources and the "
             "report's claims about it.",
    .chapter = "Chapter", .summary = "Summary", .all_figures = "All figures", .claims = "Claims",
    .status_ok = "drawn", .status_nodata = "NO-DATA", .status_missing = "not built",
    .missing_input = "Missing input", .needs = "Needs", .fetchable = "Fetchable with wrrfig fetch",
    .yes = "yes", .no = "no", .variant_of = "Variant of", .variants = "Variants",
    .notes = "Notes and deviations from the report", .numbers = "The numbers", .provenance = "Provenance",
    .input = "Input table", .source = "Source", .licence = "Licence", .sidecar = "Sidecar",
    .plugin = "Plugin", .gnuplot = "gnuplot", .host = "wrrfig", .spec = "Spec",
    .downloads = "Downloads", .claims_about = "Claims about this figure", .none = "none",
    .claimed = "Report", .observed = "Data", .reason = "Reason", .expected = "Expected",
    .report_line = "report, line", .search = "Search", .verdict = "Verdict", .figure = "Figure",
    .all = "all", .shown = "shown", .no_render = "This figure is not drawn.",
    .no_claims = "No claim report found (wrrfig check).",
    .passage_missing = "The report text was not available at build time.", .rows = "rows",
    .extra = "extra", .title_word = "Title", .inputs = "Input tables", .report_section = "Report, section",
    .chart = "Chart", .table = "Table", .kind = "Checked", .claims_title = "The report's claims, checked",
    .extra_figures = "Extra figures (not in the report)",
    .kind_data = "against third-party data", .kind_internal = "within the report (against its own tables and numbers)",
    .alt_period = "This description is of the report's period (%d-%d); this version shows %d-%d.",
};

const site_ui *site_ui_for(int lang)
{
    return lang == LANG_EN ? &ui_en : &ui_nl;
}
