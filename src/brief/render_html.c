/*
 * render_html.c - briefings as one self-contained HTML page.
 *
 * The page has inline CSS only (no fonts, scripts or images from
 * elsewhere) and follows the reader's light or dark preference. Each story
 * shows its summary with outlet chips, a grid of facts by outlets (rows are
 * facts, columns are the story's articles, a filled cell where an article
 * reports the fact, coloured by agreement), conflicts in red-tinted boxes,
 * quotes, entities by type, the timeline and the articles with their
 * removed lines. Every string that comes from a briefing or an article goes
 * through html_text(), the one escaping function; links are only made of
 * http(s) URLs. Assumes strings are NUL-terminated UTF-8.
 */
#include "brief/render.h"

#include <string.h>
#include <strings.h>

#include "brief/render_util.h"

/* Writes s with & < > " ' escaped, so it is safe both as element content
 * and inside a quoted attribute. NULL writes nothing. */
static void html_text(FILE *out, const char *s)
{
	if (!s)
		return;
	const char *run = s;
	for (const char *p = s;; p++) {
		const char *rep = NULL;
		switch (*p) {
		case '&':
			rep = "&amp;";
			break;
		case '<':
			rep = "&lt;";
			break;
		case '>':
			rep = "&gt;";
			break;
		case '"':
			rep = "&quot;";
			break;
		case '\'':
			rep = "&#39;";
			break;
		case '\0':
			break;
		default:
			continue;
		}
		fwrite(run, 1, (size_t)(p - run), out);
		if (!*p)
			return;
		fputs(rep, out);
		run = p + 1;
	}
}

static const char page_css[] =
        ":root{color-scheme:light dark;--bg:#fbfaf7;--fg:#1d1d1f;"
        "--muted:#66645e;--line:#e2dfd6;--card:#ffffff;--chip:#eeebe3;"
        "--all:#2f8f5b;--all-bg:#dff2e6;--some:#b7791f;--some-bg:#fbeed5;"
        "--one:#5b6b8c;--one-bg:#e6eaf2;--red:#b42318;--red-bg:#fdecea;"
        "--accent:#1f5fa8}\n"
        "@media (prefers-color-scheme:dark){:root{--bg:#16171a;--fg:#e8e6e1;"
        "--muted:#a19e96;--line:#34363b;--card:#1e2024;--chip:#2b2d32;"
        "--all:#5cc48a;--all-bg:#1d3a2a;--some:#e0a84a;--some-bg:#3d3020;"
        "--one:#93a4c7;--one-bg:#262d3b;--red:#f28b82;--red-bg:#3b2220;"
        "--accent:#8ab4f8}}\n"
        "*{box-sizing:border-box}\n"
        "body{margin:0;background:var(--bg);color:var(--fg);"
        "font:17px/1.6 Charter,'Bitstream Charter','Sitka Text',Cambria,"
        "Georgia,serif}\n"
        "main{max-width:60rem;margin:0 auto;padding:2rem 1.25rem 4rem}\n"
        "h1,h2,h3,h4,th,.meta,.chip,.badge,.kind,nav{font-family:system-ui,"
        "-apple-system,'Segoe UI',Roboto,sans-serif}\n"
        ".page>h1{font-size:1rem;letter-spacing:.08em;text-transform:uppercase;"
        "color:var(--muted);margin:0 0 .25rem}\n"
        ".story{background:var(--card);border:1px solid var(--line);"
        "border-radius:12px;padding:1.5rem 1.75rem;margin:1.5rem 0}\n"
        ".story>header h2{font-size:1.7rem;line-height:1.25;margin:0 0 "
        ".35rem}\n"
        ".meta{color:var(--muted);font-size:.9rem;margin:0}\n"
        "h3{font-size:1.05rem;margin:2rem 0 .6rem;padding-bottom:.25rem;"
        "border-bottom:1px solid var(--line)}\n"
        "h4{font-size:.95rem;margin:.2rem 0 .5rem}\n"
        "ol,ul{padding-left:1.3rem}li{margin:.3rem 0}\n"
        ".chips{display:inline-flex;flex-wrap:wrap;gap:.25rem;"
        "vertical-align:middle;margin-left:.3rem}\n"
        ".chip{font-size:.72rem;line-height:1.5;padding:0 .5rem;"
        "border-radius:999px;background:var(--chip);color:var(--muted);"
        "white-space:nowrap}\n"
        ".grid-wrap{overflow-x:auto}\n"
        "table.grid{border-collapse:collapse;width:100%;font-size:.92rem}\n"
        ".grid th,.grid td{border-bottom:1px solid var(--line);padding:.4rem;"
        "vertical-align:middle}\n"
        ".grid thead th{font-size:.75rem;font-weight:600;color:var(--muted);"
        "text-align:center;min-width:6rem;max-width:9rem;overflow-wrap:break-"
        "word}\n"
        ".grid thead th small{display:block;font-weight:400}\n"
        ".grid thead th small.copy{font-style:italic}\n"
        ".grid tbody th{text-align:left;font-weight:400;"
        "font-family:inherit}\n"
        ".grid td{text-align:center;width:3.2rem}\n"
        ".grid td.on::before{content:'';display:inline-block;width:.9rem;"
        "height:.9rem;border-radius:50%;background:currentColor}\n"
        ".agree-all td.on{color:var(--all)}.agree-some td.on{color:var(--some)}"
        ".agree-one td.on{color:var(--one)}\n"
        ".badge{font-size:.68rem;text-transform:uppercase;letter-spacing:.05em;"
        "padding:0 .4rem;border-radius:4px;margin-left:.4rem;"
        "white-space:nowrap}\n"
        ".agree-all .badge{background:var(--all-bg);color:var(--all)}"
        ".agree-some .badge{background:var(--some-bg);color:var(--some)}"
        ".agree-one .badge{background:var(--one-bg);color:var(--one)}\n"
        ".legend{font-size:.8rem;color:var(--muted)}\n"
        ".conflict{background:var(--red-bg);border-left:4px solid var(--red);"
        "border-radius:8px;padding:.75rem 1rem;margin:.75rem 0}\n"
        ".conflict h4{color:var(--red)}\n"
        ".conflict ul{list-style:none;padding:0;margin:0}\n"
        ".value{font-weight:700;margin-right:.4rem}\n"
        ".kind{font-size:.7rem;text-transform:uppercase;letter-spacing:.05em;"
        "color:var(--muted);margin-left:.4rem}\n"
        "blockquote{margin:.9rem 0;padding:.2rem 0 .2rem 1rem;"
        "border-left:3px solid var(--accent)}\n"
        "blockquote p{margin:0;font-style:italic}\n"
        "blockquote footer{color:var(--muted);font-size:.9rem}\n"
        ".entities{display:grid;grid-template-columns:repeat(auto-fit,"
        "minmax(12rem,1fr));gap:1rem}\n"
        ".entities ul{list-style:none;padding:0;margin:0}\n"
        ".count{color:var(--muted);font-size:.8rem}\n"
        ".timeline{list-style:none;padding:0;border-left:2px solid var(--line);"
        "margin-left:.4rem}\n"
        ".timeline li{padding-left:1rem;position:relative}\n"
        ".timeline li::before{content:'';position:absolute;left:-.4rem;"
        "top:.6rem;width:.65rem;height:.65rem;border-radius:50%;"
        "background:var(--accent)}\n"
        ".timeline time,.undated{font-family:ui-monospace,monospace;"
        "font-size:.85rem;margin-right:.5rem}\n"
        ".aswritten{color:var(--muted);margin-right:.3rem}\n"
        ".inferred{font-family:system-ui,sans-serif;font-size:.7rem;"
        "color:var(--muted);border:1px solid var(--line);border-radius:4px;"
        "padding:0 .3rem;margin-right:.5rem}\n"
        ".sr{position:absolute;width:1px;height:1px;overflow:hidden;"
        "clip:rect(0 0 0 0)}\n"
        ".articles li{margin:.6rem 0}\n"
        "a{color:var(--accent)}\n"
        "code{font-size:.85em}\n"
        "details{margin:.2rem 0 0;font-size:.88rem;color:var(--muted)}\n"
        ".reason{font-family:ui-monospace,monospace;font-size:.75rem;"
        "margin-right:.4rem}\n"
        "@media (max-width:40rem){body{font-size:16px}"
        ".story{padding:1rem}}\n";

struct chip_ctx {
	FILE *out;
};

static void put_chip(void *ud, const char *label, const cr_article *a)
{
	struct chip_ctx *c = ud;
	fputs("<span class=\"chip\" title=\"", c->out);
	html_text(c->out, a->id);
	fputs("\">", c->out);
	html_text(c->out, label);
	fputs("</span>", c->out);
}

/* Writes the outlets of set as chips; nothing when it names no article. */
static void html_chips(FILE *out, const cr_briefing *b, const cr_artset *set)
{
	int any = 0;
	for (uint32_t k = 0; set->idx && k < set->n && !any; k++)
		any = cr_render_art(b, set->idx[k]) != NULL;
	if (!any)
		return;
	struct chip_ctx c = {out};
	fputs(" <span class=\"chips\">", out);
	uint32_t more = cr_render_each_label(b, set, put_chip, &c);
	if (more)
		fprintf(out, "<span class=\"chip\">+%u more</span>", more);
	fputs("</span>", out);
}

static void html_summary(FILE *out, const cr_briefing *b)
{
	if (!b->n_summary || !b->summary)
		return;
	fputs("<section><h3>Summary</h3>\n<ol class=\"summary\">\n", out);
	for (uint32_t i = 0; i < b->n_summary; i++) {
		fputs("<li>", out);
		html_text(out, b->summary[i].text);
		html_chips(out, b, &b->summary[i].arts);
		fputs("</li>\n", out);
	}
	fputs("</ol></section>\n", out);
}

/* The grid: one row per fact in the briefing's order, one column per
 * article in b->arts order. A reported cell is <td class="on">, an empty
 * one <td class="off">; the row's class names its agreement. */
static void html_grid(FILE *out, const cr_briefing *b)
{
	if (!b->n_facts || !b->facts)
		return;
	fputs("<section><h3>Facts by outlet</h3>\n"
	      "<p class=\"legend\">A dot marks an article that reports the "
	      "fact. Green: every independent outlet; amber: several; "
	      "blue: only one (a copy counts with its original).</p>\n"
	      "<div class=\"grid-wrap\"><table class=\"grid\">\n"
	      "<thead><tr><th scope=\"col\">Fact</th>",
	      out);
	for (uint32_t j = 0; b->arts && j < b->n_arts; j++) {
		const cr_article *a = b->arts[j];
		fputs("<th scope=\"col\" class=\"outlet\">", out);
		html_text(out, cr_render_label(a));
		if (a && a->source && a->id) {
			fputs("<small>", out);
			html_text(out, a->id);
			fputs("</small>", out);
		}
		/* A copy adds no independent confirmation: say so where the
		 * reader counts dots. */
		if (a && a->copy_of) {
			fputs("<small class=\"copy\" title=\"copy of ", out);
			html_text(out, a->copy_of);
			fputs("\">copy</small>", out);
		}
		fputs("</th>", out);
	}
	fputs("</tr></thead>\n<tbody>\n", out);
	for (uint32_t i = 0; i < b->n_facts; i++) {
		const cr_bfact *f = &b->facts[i];
		const char *ag = cr_render_agreement(f->agreement);
		fprintf(out, "<tr class=\"fact agree-%s\"><th scope=\"row\">",
		        ag);
		html_text(out, f->text);
		fprintf(out, "<span class=\"badge\">%s", ag);
		if (f->arts.n > 1)
			fprintf(out, " &middot; %u independent",
			        f->independent);
		fputs("</span></th>", out);
		/* The set is ascending, so one pass over it marks the row. */
		uint32_t k = 0;
		for (uint32_t j = 0; b->arts && j < b->n_arts; j++) {
			while (f->arts.idx && k < f->arts.n &&
			       f->arts.idx[k] < j)
				k++;
			if (f->arts.idx && k < f->arts.n &&
			    f->arts.idx[k] == j) {
				fputs("<td class=\"on\" title=\"reported by ",
				      out);
				html_text(out, cr_render_label(b->arts[j]));
				fputs("\"><span class=\"sr\">yes</span></td>",
				      out);
			} else {
				fputs("<td class=\"off\"></td>", out);
			}
		}
		fputs("</tr>\n", out);
	}
	fputs("</tbody></table></div></section>\n", out);
}

static void html_conflicts(FILE *out, const cr_briefing *b)
{
	if (!b->n_conflicts || !b->conflicts)
		return;
	fputs("<section><h3>Conflicts</h3>\n", out);
	for (uint32_t i = 0; i < b->n_conflicts; i++) {
		const cr_bconflict *c = &b->conflicts[i];
		fputs("<div class=\"conflict\"><h4>", out);
		html_text(out, c->about ? c->about : "Unnamed disagreement");
		fprintf(out, "<span class=\"kind\">%s</span></h4>\n<ul>\n",
		        cr_render_conflict_kind(c->kind));
		for (uint32_t k = 0; c->claims && k < c->n_claims; k++) {
			const cr_bclaim *cl = &c->claims[k];
			fputs("<li><span class=\"value\">", out);
			html_text(out, cl->value ? cl->value : "?");
			fputs("</span>", out);
			html_text(out, cl->text);
			html_chips(out, b, &cl->arts);
			fputs("</li>\n", out);
		}
		fputs("</ul></div>\n", out);
	}
	fputs("</section>\n", out);
}

/* One quote entry; each other wording follows with its outlets, so the
 * outlet that words it differently stands out. */
static void html_quote(FILE *out, const cr_briefing *b, const cr_bquote *q,
                       int marks)
{
	fputs(marks ? "<blockquote><p>\u201c" : "<blockquote><p>", out);
	html_text(out, q->text);
	fputs(marks ? "\u201d</p><footer>\u2014 " : "</p><footer>\u2014 ", out);
	html_text(out, q->speaker ? q->speaker : "unnamed speaker");
	if (q->cue && !marks) {
		fputs(" (", out);
		html_text(out, q->cue);
		fputc(')', out);
	}
	html_chips(out, b, &q->arts);
	fputs("</footer>", out);
	for (uint32_t k = 0; k < q->n_variants; k++) {
		fputs("<p class=\"variant\"><em>worded differently:</em> ",
		      out);
		html_text(out, q->variants[k].text);
		html_chips(out, b, &q->variants[k].arts);
		fputs("</p>", out);
	}
	fputs("</blockquote>\n", out);
}

static void html_quotes(FILE *out, const cr_briefing *b)
{
	if (b->n_quotes && b->quotes) {
		fputs("<section><h3>Quotes</h3>\n", out);
		for (uint32_t i = 0; i < b->n_quotes; i++)
			html_quote(out, b, &b->quotes[i], 1);
		fputs("</section>\n", out);
	}
	if (b->n_reported && b->reported) {
		fputs("<section><h3>Reported statements</h3>\n", out);
		for (uint32_t i = 0; i < b->n_reported; i++)
			html_quote(out, b, &b->reported[i], 0);
		fputs("</section>\n", out);
	}
}

static void html_entities(FILE *out, const cr_briefing *b)
{
	static const struct {
		uint8_t type;
		const char *heading;
	} groups[] = {
	        {CR_ENT_PERSON, "People"},
	        {CR_ENT_PLACE, "Places"},
	        {CR_ENT_ORG, "Organisations"},
	        {CR_ENT_OTHER, "Other"},
	};
	if (!b->n_entities || !b->entities)
		return;
	fputs("<section><h3>People, places, organisations</h3>\n"
	      "<div class=\"entities\">\n",
	      out);
	for (size_t g = 0; g < sizeof groups / sizeof groups[0]; g++) {
		int n = 0;
		for (uint32_t i = 0; i < b->n_entities; i++) {
			const cr_bentity *e = &b->entities[i];
			uint8_t t = e->type <= CR_ENT_OTHER ? e->type
			                                    : CR_ENT_OTHER;
			if (t != groups[g].type)
				continue;
			if (!n++)
				fprintf(out,
				        "<div class=\"%s\"><h4>%s</h4><ul>\n",
				        cr_render_entity_type(groups[g].type),
				        groups[g].heading);
			fputs("<li>", out);
			html_text(out, e->name);
			fprintf(out,
			        " <span class=\"count\" title=\"articles\">"
			        "%u</span></li>\n",
			        e->arts.n);
		}
		if (n)
			fputs("</ul></div>\n", out);
	}
	fputs("</div></section>\n", out);
}

static void html_timeline(FILE *out, const cr_briefing *b)
{
	if (!b->n_timeline || !b->timeline)
		return;
	fputs("<section><h3>Timeline</h3>\n<ol class=\"timeline\">\n", out);
	for (uint32_t i = 0; i < b->n_timeline; i++) {
		const cr_bevent *e = &b->timeline[i];
		char date[CR_RENDER_TIME_BUF];
		fputs("<li>", out);
		if (cr_render_event_date(e, date))
			fprintf(out, "<time datetime=\"%s\">%s</time>%s", date,
			        date,
			        e->inferred
			                ? "<span class=\"inferred\" "
			                  "title=\"the "
			                  "date is reckoned from an inferred "
			                  "publication date\">inferred</span>"
			                : "");
		else
			fputs("<span class=\"undated\">undated</span>", out);
		if (e->as_written && *e->as_written) {
			fputs("<span class=\"aswritten\">\u201c", out);
			html_text(out, e->as_written);
			fputs("\u201d</span> ", out);
		}
		html_text(out, e->event);
		html_chips(out, b, &e->arts);
		fputs("</li>\n", out);
	}
	fputs("</ol></section>\n", out);
}

/* Only http and https URLs become links: a javascript: or data: URL from
 * a hostile feed must not run in the reader's browser. */
static int linkable(const char *url)
{
	return url && (!strncasecmp(url, "http://", 7) ||
	               !strncasecmp(url, "https://", 8));
}

static void html_articles(FILE *out, const cr_briefing *b)
{
	if (!b->n_arts || !b->arts)
		return;
	fputs("<section><h3>Articles</h3>\n<ul class=\"articles\">\n", out);
	for (uint32_t i = 0; i < b->n_arts; i++) {
		const cr_article *a = b->arts[i];
		if (!a)
			continue;
		char when[CR_RENDER_TIME_BUF];
		fputs("<li><strong>", out);
		html_text(out, cr_render_label(a));
		fputs("</strong> ", out);
		const char *title = a->title ? a->title : "(untitled)";
		if (linkable(a->url)) {
			fputs("<a href=\"", out);
			html_text(out, a->url);
			fputs("\" rel=\"noopener noreferrer\">", out);
			html_text(out, title);
			fputs("</a>", out);
		} else {
			html_text(out, title);
		}
		fputs(" <span class=\"meta\"><code>", out);
		html_text(out, a->id);
		fputs("</code>", out);
		if (cr_render_iso_time(a->published, when))
			fprintf(out,
			        " &middot; <time datetime=\"%s\">%s</time>",
			        when, when);
		if (a->copy_of) {
			fputs(" &middot; copy of <code>", out);
			html_text(out, a->copy_of);
			fputs("</code>", out);
		}
		fputs("</span>", out);
		if (a->removed && a->n_removed) {
			fprintf(out,
			        "\n<details><summary>%u removed line%s"
			        "</summary><ul>\n",
			        a->n_removed, a->n_removed == 1 ? "" : "s");
			for (uint32_t k = 0; k < a->n_removed; k++) {
				fputs("<li><span class=\"reason\">", out);
				html_text(out, a->removed[k].reason);
				fputs("</span>", out);
				html_text(out, a->removed[k].text);
				fputs("</li>\n", out);
			}
			fputs("</ul></details>", out);
		}
		fputs("</li>\n", out);
	}
	fputs("</ul></section>\n", out);
}

static void html_story(FILE *out, const cr_briefing *b, size_t nr)
{
	fprintf(out, "<article class=\"story\" id=\"story-%zu\">\n<header><h2>",
	        nr + 1);
	html_text(out,
	          b->headline && *b->headline ? b->headline : "Untitled story");
	fprintf(out,
	        "</h2><p class=\"meta\">%u article%s &middot; %u "
	        "source%s &middot; %u independent",
	        b->n_arts, b->n_arts == 1 ? "" : "s", b->sources,
	        b->sources == 1 ? "" : "s", b->independent_sources);
	if (b->id) {
		fputs(" &middot; story <code>", out);
		html_text(out, b->id);
		fputs("</code>", out);
	}
	fputs("</p></header>\n", out);
	html_summary(out, b);
	html_grid(out, b);
	html_conflicts(out, b);
	html_quotes(out, b);
	html_entities(out, b);
	html_timeline(out, b);
	html_articles(out, b);
	fputs("</article>\n", out);
}

/* Writes one page holding every briefing. Returns CR_EIO when out cannot
 * be written. NULL entries of b are skipped. */
cr_err cr_render_html(FILE *out, const cr_briefing *const *b, size_t n)
{
	if (!out || (n && !b))
		return CR_EINVAL;
	size_t shown = 0;
	for (size_t i = 0; i < n; i++)
		shown += b[i] != NULL;
	fputs("<!doctype html>\n<html lang=\"en\">\n<head>\n"
	      "<meta charset=\"utf-8\">\n"
	      "<meta name=\"viewport\" "
	      "content=\"width=device-width, initial-scale=1\">\n"
	      "<title>",
	      out);
	const cr_briefing *only = NULL;
	for (size_t i = 0; shown == 1 && i < n; i++)
		if (b[i])
			only = b[i];
	if (only && only->headline && *only->headline) {
		html_text(out, only->headline);
		fputs(" \u2014 crossread", out);
	} else {
		fprintf(out, "crossread briefing: %zu stor%s", shown,
		        shown == 1 ? "y" : "ies");
	}
	fprintf(out,
	        "</title>\n<style>\n%s</style>\n</head>\n<body>\n<main>\n"
	        "<header class=\"page\"><h1>crossread briefing</h1>"
	        "<p class=\"meta\">%zu stor%s</p></header>\n",
	        page_css, shown, shown == 1 ? "y" : "ies");
	if (!shown)
		fputs("<p>No stories.</p>\n", out);
	for (size_t i = 0, nr = 0; i < n; i++)
		if (b[i])
			html_story(out, b[i], nr++);
	fputs("</main>\n</body>\n</html>\n", out);
	return ferror(out) ? CR_EIO : CR_OK;
}
