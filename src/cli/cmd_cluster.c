/*
 * cmd_cluster.c - `crossread cluster`: read articles and print, one line
 * per article in arrival order, the story it was placed in and the
 * article it copies; with --explain, why it went there.
 *
 * The pipeline places each article the moment it arrives, so the lines
 * of a path are written as soon as that path has been read. A story is
 * printed as "story-N", N its number from 1 in opening order
 * (cr_placement), which never changes once printed; `crossread brief`
 * names the same stories the same way. Output is JSON lines (through
 * jansson) or TSV with a header.
 *
 * For tuning (bench/tune-clustering), the clustering settings can be
 * set without recompiling through CR_CLUSTER_THRESHOLD,
 * CR_CLUSTER_WINDOW_DAYS, CR_CLUSTER_TOP_TERMS, CR_CLUSTER_TITLE_WEIGHT,
 * CR_CLUSTER_ENTITY_WEIGHT, CR_CLUSTER_SHORT_THRESHOLD and
 * CR_CLUSTER_SHORT_TERMS; unset ones keep the library's defaults.
 * Only this command reads them; the library never reads the environment.
 */
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

/* clang-format off */
static const char cluster_usage[] =
	"usage: crossread cluster [options] PATH...\n"
	"\n"
	"Reads articles, places each in a story as it arrives, and prints one\n"
	"line per article in arrival order: its id, its story and the earliest\n"
	"article it copies, if any. Stories are named story-N, numbered from 1\n"
	"in the order they were opened, as in brief.\n"
	"\n"
	"options:\n"
	"  -f, --format FMT     jsonl (default) or tsv\n"
	"  -e, --explain        add what tied each article to its story: the\n"
	"                       similarity score, whether it opened the story,\n"
	"                       the runner-up story and its score, and the\n"
	"                       heaviest shared terms\n"
	"  -h, --help           show this help\n"
	"\n"
	"PATH is a text file, a JSON lines file, an HTML page, an RSS or Atom\n"
	"feed, a WARC archive, a directory (recursive) or - for stdin.\n"
	"Articles are clustered in the order they are read, and each line is\n"
	"printed the moment its article is placed; articles are not kept, so\n"
	"memory stays that of the active stories and the copy index however\n"
	"long the input. Rejected input is reported on stderr as file:line:\n"
	"reason and the rest is still clustered; the exit status is then 1.\n"
	"CR_CLUSTER_* environment variables set the clustering's parameters\n"
	"(see crossread(1)).\n";
/* clang-format on */

enum { FMT_JSONL, FMT_TSV };

/* Scores are printed to 4 decimals: enough to compare with a threshold,
 * and stable across libm rounding of the last digits. */
static double round4(double x)
{
	return round(x * 1e4) / 1e4;
}

static json_t *story_name(int64_t story)
{
	char id[32];
	snprintf(id, sizeof id, "story-%lld", (long long)story + 1);
	return json_string(id);
}

static json_t *opt_string(const char *s)
{
	return s ? json_string(s) : json_null();
}

/* Writes one JSON line; returns -1 when out of memory or on a write
 * error. */
static int write_jsonl(FILE *out, const cr_article *a, const cr_placement *pl,
                       int explain)
{
	json_t *o = json_object();
	int bad = !o;
	if (o) {
		bad |= json_object_set_new(o, "id", opt_string(a->id));
		bad |= json_object_set_new(o, "story", story_name(pl->story));
		bad |= json_object_set_new(o, "copy_of",
		                           opt_string(a->copy_of));
	}
	if (o && explain) {
		json_t *w = json_object(), *terms = json_array();
		bad |= json_object_set_new(o, "why", w);
		bad |= !terms;
		if (w) {
			bad |= json_object_set_new(w, "opened",
			                           json_boolean(pl->opened));
			bad |= json_object_set_new(
			        w, "score", json_real(round4(pl->score)));
			bad |= json_object_set_new(
			        w, "runner_up",
			        pl->runner_up < 0 ? json_null()
			                          : story_name(pl->runner_up));
			bad |= json_object_set_new(
			        w, "runner_score",
			        json_real(round4(pl->runner_score)));
			for (size_t k = 0;
			     terms && k < CR_PLACEMENT_TERMS && pl->shared[k];
			     k++)
				bad |= json_array_append_new(
				        terms, json_string(pl->shared[k]));
			bad |= json_object_set_new(w, "shared", terms);
		} else {
			json_decref(terms);
		}
	}
	if (!bad)
		bad = json_dumpf(o, out,
		                 JSON_COMPACT | JSON_PRESERVE_ORDER |
		                         JSON_REAL_PRECISION(6)) != 0 ||
		      putc('\n', out) == EOF;
	json_decref(o);
	return bad ? -1 : 0;
}

/* A TSV field: tab, newline, carriage return and backslash are written
 * as \t \n \r \\ so that each article stays on one line; "-" for none. */
static void put_field(FILE *out, const char *s)
{
	if (!s) {
		putc('-', out);
		return;
	}
	for (; *s; s++) {
		switch (*s) {
		case '\t':
			fputs("\\t", out);
			break;
		case '\n':
			fputs("\\n", out);
			break;
		case '\r':
			fputs("\\r", out);
			break;
		case '\\':
			fputs("\\\\", out);
			break;
		default:
			putc(*s, out);
		}
	}
}

static void write_tsv_header(FILE *out, int explain)
{
	fputs("id\tstory\tcopy_of", out);
	if (explain)
		fputs("\topened\tscore\trunner_up\trunner_score\tshared", out);
	putc('\n', out);
}

static int write_tsv(FILE *out, const cr_article *a, const cr_placement *pl,
                     int explain)
{
	put_field(out, a->id);
	fprintf(out, "\tstory-%llu\t", (unsigned long long)pl->story + 1);
	put_field(out, a->copy_of);
	if (explain) {
		fprintf(out, "\t%d\t%.4f\t", pl->opened, round4(pl->score));
		if (pl->runner_up < 0)
			putc('-', out);
		else
			fprintf(out, "story-%lld",
			        (long long)pl->runner_up + 1);
		fprintf(out, "\t%.4f\t", round4(pl->runner_score));
		if (!pl->shared[0])
			putc('-', out);
		for (size_t k = 0; k < CR_PLACEMENT_TERMS && pl->shared[k];
		     k++) {
			if (k)
				putc(' ', out);
			put_field(out, pl->shared[k]);
		}
	}
	return putc('\n', out) == EOF ? -1 : 0;
}

/* How placed articles are printed. */
typedef struct printer {
	int fmt, explain;
	int failed; /* 1 once a write failed */
} printer;

/* The streaming pipeline's callback: prints one placed article the
 * moment it is placed (the pipeline then frees it). A failed write
 * stops the input. */
static cr_err print_placed(void *ctx, const cr_article *a,
                           const cr_placement *pl)
{
	printer *pr = ctx;
	int r = pr->fmt == FMT_TSV ? write_tsv(stdout, a, pl, pr->explain)
	                           : write_jsonl(stdout, a, pl, pr->explain);
	if (r != 0) {
		pr->failed = 1;
		return CR_EIO;
	}
	return CR_OK;
}

/* Reads the number in environment variable name into *out when it is
 * set. Returns -1 (with a message) when it is not a number in [lo, hi]. */
static int env_number(const char *name, double lo, double hi, double *out)
{
	const char *v = getenv(name);
	if (!v || !v[0])
		return 0;
	char *end;
	errno = 0;
	double x = strtod(v, &end);
	if (errno || *end || !(x >= lo && x <= hi)) {
		fprintf(stderr,
		        "crossread: %s='%s' is not a number in [%g, %g]\n",
		        name, v, lo, hi);
		return -1;
	}
	*out = x;
	return 0;
}

/* The clustering settings from the environment (see the top comment);
 * -1 when one is malformed. Unset settings stay 0, the default. */
static int env_cluster_opts(cr_cluster_opts *o)
{
	double top = 0, short_terms = 0;
	*o = (cr_cluster_opts){0};
	if (env_number("CR_CLUSTER_THRESHOLD", 0.001, 1, &o->threshold) ||
	    env_number("CR_CLUSTER_WINDOW_DAYS", 0.001, 36500,
	               &o->window_days) ||
	    env_number("CR_CLUSTER_TOP_TERMS", 1, 64, &top) ||
	    env_number("CR_CLUSTER_TITLE_WEIGHT", 0.5, 100, &o->title_weight) ||
	    env_number("CR_CLUSTER_ENTITY_WEIGHT", 0.5, 100,
	               &o->entity_weight) ||
	    env_number("CR_CLUSTER_SHORT_THRESHOLD", 0.001, 1,
	               &o->short_threshold) ||
	    env_number("CR_CLUSTER_SHORT_TERMS", 1, 128, &short_terms))
		return -1;
	o->top_terms = (uint32_t)top;
	o->short_terms = (uint32_t)short_terms;
	return 0;
}

int cr_cmd_cluster(int argc, char **argv)
{
	static const struct option longopts[] = {
	        {"format", required_argument, NULL, 'f'},
	        {"explain", no_argument, NULL, 'e'},
	        {"help", no_argument, NULL, 'h'},
	        {NULL, 0, NULL, 0},
	};
	int fmt = FMT_JSONL, explain = 0;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "f:eh", longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (!strcmp(optarg, "jsonl"))
				fmt = FMT_JSONL;
			else if (!strcmp(optarg, "tsv"))
				fmt = FMT_TSV;
			else {
				fprintf(stderr,
				        "crossread: unknown format '%s' "
				        "(jsonl or tsv)\n",
				        optarg);
				return CR_EXIT_USAGE;
			}
			break;
		case 'e':
			explain = 1;
			break;
		case 'h':
			fputs(cluster_usage, stdout);
			return CR_EXIT_OK;
		default:
			fputs(cluster_usage, stderr);
			return CR_EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		fputs("crossread: cluster needs at least one PATH\n\n", stderr);
		fputs(cluster_usage, stderr);
		return CR_EXIT_USAGE;
	}

	cr_cluster_opts opts;
	if (env_cluster_opts(&opts) != 0)
		return CR_EXIT_USAGE;
	cr_diag diag = cr_cli_stderr_diag();
	cr_pipeline *p = cr_pipeline_new_with(&diag, &opts);
	if (!p) {
		fprintf(stderr, "crossread: cannot start: %s\n",
		        cr_strerror(CR_ENOMEM));
		return CR_EXIT_FATAL;
	}
	/* Each article is printed as soon as it is placed and then freed,
	 * so a stream of any length runs in the memory of its active
	 * stories and copy index. */
	printer pr = {fmt, explain, 0};
	cr_pipeline_stream(p, print_placed, &pr);
	int status = CR_EXIT_OK;
	if (fmt == FMT_TSV)
		write_tsv_header(stdout, explain);
	for (int i = optind; i < argc && status == CR_EXIT_OK; i++) {
		cr_err e = cr_pipeline_add_path(p, argv[i]);
		if (pr.failed) {
			fprintf(stderr, "crossread: cannot write output\n");
			status = CR_EXIT_FATAL;
		} else if (e != CR_OK) {
			fprintf(stderr, "crossread: %s: %s\n", argv[i],
			        cr_strerror(e));
			status = CR_EXIT_FATAL;
		}
	}
	if (fflush(stdout) != 0 && status == CR_EXIT_OK) {
		fprintf(stderr, "crossread: cannot write output\n");
		status = CR_EXIT_FATAL;
	}
	if (status == CR_EXIT_OK && diag.n_rejected)
		status = CR_EXIT_REJECTED;
	if (status == CR_EXIT_OK && cr_pipeline_count(p) == 0) {
		fprintf(stderr, "crossread: no articles in the input\n");
		status = CR_EXIT_REJECTED;
	}
	cr_pipeline_free(p);
	return status;
}
