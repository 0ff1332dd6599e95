/*
 * render_md.c - briefings as Markdown, for reading in a terminal.
 *
 * Each story is a "# headline" followed by its sections; a section with
 * nothing in it is left out. Every claim ends with the outlets that report
 * it in brackets. Text from articles is escaped only where it would break
 * the layout (emphasis, code, links, HTML, line breaks), so it stays
 * readable as plain text. Assumes strings are NUL-terminated UTF-8.
 */
#include "brief/render.h"

#include <string.h>

#include "brief/render_util.h"

/* Writes s on one line, with the characters that Markdown would read as
 * markup (emphasis, code, links, raw HTML) backslash-escaped. Underscores
 * inside a word (002_x) are left alone: CommonMark does not read them as
 * emphasis. */
static void md_text(FILE *out, const char *s)
{
	if (!s)
		return;
	for (const char *p = s; *p; p++) {
		char c = *p;
		switch (c) {
		case '\n':
		case '\r':
		case '\t':
			fputc(' ', out);
			continue;
		case '\\':
		case '`':
		case '*':
		case '[':
		case ']':
		case '<':
			fputc('\\', out);
			break;
		case '_': {
			int in_word = p > s && p[1] &&
			              (unsigned char)p[-1] > ' ' &&
			              (unsigned char)p[1] > ' ';
			if (!in_word)
				fputc('\\', out);
			break;
		}
		case '#':
			/* Only a leading # makes a heading. */
			if (p == s)
				fputc('\\', out);
			break;
		default:
			break;
		}
		fputc(c, out);
	}
}

struct label_ctx {
	FILE *out;
	int n;
};

static void put_label(void *ud, const char *label, const cr_article *a)
{
	struct label_ctx *c = ud;
	(void)a;
	fputs(c->n++ ? ", " : "", c->out);
	md_text(c->out, label);
}

/* Writes " [Outlet, Outlet, +N more]" for set; nothing when it names no
 * article. */
static void md_outlets(FILE *out, const cr_briefing *b, const cr_artset *set)
{
	int any = 0;
	for (uint32_t k = 0; set->idx && k < set->n && !any; k++)
		any = cr_render_art(b, set->idx[k]) != NULL;
	if (!any)
		return;
	struct label_ctx c = {out, 0};
	fputs(" [", out);
	uint32_t more = cr_render_each_label(b, set, put_label, &c);
	if (more)
		fprintf(out, ", +%u more", more);
	fputc(']', out);
}

static void md_summary(FILE *out, const cr_briefing *b)
{
	if (!b->n_summary || !b->summary)
		return;
	fputs("\n## Summary\n\n", out);
	for (uint32_t i = 0; i < b->n_summary; i++) {
		fputs("- ", out);
		md_text(out, b->summary[i].text);
		md_outlets(out, b, &b->summary[i].arts);
		fputc('\n', out);
	}
}

/* Facts in three sections by agreement, each keeping the briefing's
 * order. */
static void md_facts(FILE *out, const cr_briefing *b)
{
	static const struct {
		uint8_t agreement;
		const char *heading;
	} groups[] = {
	        {CR_AGREE_ALL, "Agreed by all"},
	        {CR_AGREE_SOME, "Reported by some"},
	        {CR_AGREE_ONE, "Reported by one"},
	};
	for (size_t g = 0; b->facts && g < sizeof groups / sizeof groups[0];
	     g++) {
		int header = 0;
		for (uint32_t i = 0; i < b->n_facts; i++) {
			const cr_bfact *f = &b->facts[i];
			/* Unknown agreement values render as "one", as in
			 * JSON. */
			uint8_t ag = f->agreement <= CR_AGREE_ONE
			                     ? f->agreement
			                     : CR_AGREE_ONE;
			if (ag != groups[g].agreement)
				continue;
			if (!header++)
				fprintf(out, "\n## %s\n\n", groups[g].heading);
			fputs("- ", out);
			md_text(out, f->text);
			md_outlets(out, b, &f->arts);
			if (f->arts.n > 1)
				fprintf(out, " (%u independent)",
				        f->independent);
			fputc('\n', out);
		}
	}
}

static void md_conflicts(FILE *out, const cr_briefing *b)
{
	if (!b->n_conflicts || !b->conflicts)
		return;
	fputs("\n## Conflicts\n", out);
	for (uint32_t i = 0; i < b->n_conflicts; i++) {
		const cr_bconflict *c = &b->conflicts[i];
		fputs("\n### ", out);
		md_text(out, c->about ? c->about : "(unnamed)");
		fprintf(out, " (%s)\n\n", cr_render_conflict_kind(c->kind));
		for (uint32_t k = 0; c->claims && k < c->n_claims; k++) {
			const cr_bclaim *cl = &c->claims[k];
			fputs("- **", out);
			md_text(out, cl->value ? cl->value : "?");
			fputs("**: ", out);
			md_text(out, cl->text);
			md_outlets(out, b, &cl->arts);
			fputc('\n', out);
		}
	}
}

/* One quote entry as a block quote, each other wording on a line of its
 * own so the outlet that words it differently stands out. */
static void md_quote(FILE *out, const cr_briefing *b, const cr_bquote *q,
                     int marks)
{
	/* A blank line between quotes keeps them separate blocks. */
	fputs(marks ? "\n> \u201c" : "\n> ", out);
	md_text(out, q->text);
	fputs(marks ? "\u201d \u2014 " : " \u2014 ", out);
	md_text(out, q->speaker ? q->speaker : "unnamed speaker");
	if (q->cue && !marks) {
		fputs(" (", out);
		md_text(out, q->cue);
		fputc(')', out);
	}
	md_outlets(out, b, &q->arts);
	fputc('\n', out);
	for (uint32_t k = 0; k < q->n_variants; k++) {
		fputs(">\n> *worded differently:* ", out);
		fputs(marks ? "\u201c" : "", out);
		md_text(out, q->variants[k].text);
		fputs(marks ? "\u201d" : "", out);
		md_outlets(out, b, &q->variants[k].arts);
		fputc('\n', out);
	}
}

static void md_quotes(FILE *out, const cr_briefing *b)
{
	if (b->n_quotes && b->quotes) {
		fputs("\n## Quotes\n", out);
		for (uint32_t i = 0; i < b->n_quotes; i++)
			md_quote(out, b, &b->quotes[i], 1);
	}
	if (b->n_reported && b->reported) {
		fputs("\n## Reported statements\n", out);
		for (uint32_t i = 0; i < b->n_reported; i++)
			md_quote(out, b, &b->reported[i], 0);
	}
}

static void md_entities(FILE *out, const cr_briefing *b)
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
	fputs("\n## People, places, organisations\n\n", out);
	for (size_t g = 0; g < sizeof groups / sizeof groups[0]; g++) {
		int n = 0;
		for (uint32_t i = 0; i < b->n_entities; i++) {
			const cr_bentity *e = &b->entities[i];
			uint8_t t = e->type <= CR_ENT_OTHER ? e->type
			                                    : CR_ENT_OTHER;
			if (t != groups[g].type)
				continue;
			fputs(n++ ? "; " : "", out);
			if (n == 1)
				fprintf(out, "- **%s:** ", groups[g].heading);
			md_text(out, e->name);
			fprintf(out, " (%u)", e->arts.n);
		}
		if (n)
			fputc('\n', out);
	}
}

static void md_timeline(FILE *out, const cr_briefing *b)
{
	if (!b->n_timeline || !b->timeline)
		return;
	fputs("\n## Timeline\n\n", out);
	for (uint32_t i = 0; i < b->n_timeline; i++) {
		const cr_bevent *e = &b->timeline[i];
		char date[CR_RENDER_TIME_BUF];
		fprintf(out, "- **%s**",
		        cr_render_event_date(e, date) ? date : "undated");
		if (e->inferred)
			fputs(" (date inferred)", out);
		if (e->as_written && *e->as_written) {
			fputs(" \u201c", out);
			md_text(out, e->as_written);
			fputs("\u201d", out);
		}
		fputs(": ", out);
		md_text(out, e->event);
		md_outlets(out, b, &e->arts);
		fputc('\n', out);
	}
}

static void md_articles(FILE *out, const cr_briefing *b)
{
	if (!b->n_arts || !b->arts)
		return;
	fputs("\n## Articles\n\n", out);
	for (uint32_t i = 0; i < b->n_arts; i++) {
		const cr_article *a = b->arts[i];
		if (!a)
			continue;
		char when[CR_RENDER_TIME_BUF];
		fputs("- `", out);
		/* Inside a code span only a backquote would end it early. */
		for (const char *p = a->id ? a->id : "?"; *p; p++)
			fputc(*p == '`' || *p == '\n' ? '\'' : *p, out);
		fputs("`", out);
		if (a->source && *a->source) {
			fputs(" ", out);
			md_text(out, a->source);
			fputs(a->title ? ":" : "", out);
		}
		if (a->title) {
			fputs(" ", out);
			md_text(out, a->title);
		}
		if (cr_render_iso_time(a->published, when))
			fprintf(out, " (%s)", when);
		if (a->copy_of) {
			fputs(", copy of ", out);
			md_text(out, a->copy_of);
		}
		if (a->url) {
			fputs(" <", out);
			/* An autolink ends at '>' or a space; neither belongs
			 * in a URL, so they are percent-encoded. */
			for (const char *p = a->url; *p; p++) {
				if (*p == '>' || *p == '<' ||
				    (unsigned char)*p <= ' ')
					fprintf(out, "%%%02X",
					        (unsigned char)*p);
				else
					fputc(*p, out);
			}
			fputc('>', out);
		}
		fputc('\n', out);
		for (uint32_t k = 0; a->removed && k < a->n_removed; k++) {
			fputs("  - removed (", out);
			md_text(out, a->removed[k].reason ? a->removed[k].reason
			                                  : "unknown");
			fputs("): ", out);
			md_text(out, a->removed[k].text);
			fputc('\n', out);
		}
	}
}

static void md_story(FILE *out, const cr_briefing *b)
{
	fputs("# ", out);
	md_text(out,
	        b->headline && *b->headline ? b->headline : "(untitled story)");
	fprintf(out, "\n\n%u article%s from %u source%s, %u independent",
	        b->n_arts, b->n_arts == 1 ? "" : "s", b->sources,
	        b->sources == 1 ? "" : "s", b->independent_sources);
	if (b->id) {
		fputs("; story ", out);
		md_text(out, b->id);
	}
	fputc('\n', out);
	md_summary(out, b);
	md_facts(out, b);
	md_conflicts(out, b);
	md_quotes(out, b);
	md_entities(out, b);
	md_timeline(out, b);
	md_articles(out, b);
}

/* Writes every briefing as Markdown, stories separated by a rule. Returns
 * CR_EIO when out cannot be written. NULL entries of b are skipped. */
cr_err cr_render_md(FILE *out, const cr_briefing *const *b, size_t n)
{
	if (!out || (n && !b))
		return CR_EINVAL;
	int written = 0;
	for (size_t i = 0; i < n; i++) {
		if (!b[i])
			continue;
		if (written++)
			fputs("\n---\n\n", out);
		md_story(out, b[i]);
	}
	if (!written)
		fputs("No stories.\n", out);
	return ferror(out) ? CR_EIO : CR_OK;
}
