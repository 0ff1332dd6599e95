/*
 * cmd_brief.c - `crossread brief`: read articles, print every story's
 * briefing as Markdown (default on a terminal), JSON (default otherwise)
 * or HTML. With --one-story the input is taken as one story already
 * grouped by the user (a DUC docset, say) and briefed whole.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "brief/briefing.h"
#include "brief/render.h"
#include "cli/cli.h"

static const char brief_usage[] =
        "usage: crossread brief [options] PATH...\n"
        "\n"
        "Reads articles, groups them into stories and prints the briefing of\n"
        "each story, largest first.\n"
        "\n"
        "options:\n"
        "  -f, --format FMT     md, json or html. Default: md when standard\n"
        "                       output is a terminal, json otherwise.\n"
        "  -n, --sentences N    summary length in sentences (1-20, default 5)\n"
        "  -w, --words N        summary length in words (1-5000), the last\n"
        "                       sentence cut to fit; --sentences is then 20\n"
        "                       unless given\n"
        "      --focus QUERY    bias the summary towards QUERY\n"
        "      --one-story      brief all the input as one story, without\n"
        "                       grouping it (for articles already grouped)\n"
        "      --timing         print on stderr the seconds spent reading and\n"
        "                       analysing, and briefing\n"
        "  -h, --help           show this help\n"
        "\n"
        "PATH is a text file, a JSON lines file, an HTML page, an RSS or Atom\n"
        "feed, a WARC archive, a directory (recursive) or - for stdin.\n"
        "Rejected input is reported on stderr as file:line: reason and the\n"
        "rest is still briefed; the exit status is then 1.\n";

enum { FMT_MD, FMT_JSON, FMT_HTML };

#define MAX_SENTENCES 20   /* --sentences */
#define MAX_WORDS     5000 /* --words: a summary, not the story */

/* Monotonic seconds, for --timing. */
static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* Briefs every article of p as one story, "story-1", in arrival order,
 * into *out (one briefing, or none without articles), freed like
 * cr_pipeline_brief's. The pipeline's own grouping is ignored. */
static cr_err brief_one(cr_pipeline *p, const cr_brief_opts *opts,
                        cr_briefing ***out, size_t *n_out)
{
	*out = NULL;
	*n_out = 0;
	size_t n = cr_pipeline_count(p);
	if (n == 0)
		return CR_OK;
	if (n > UINT32_MAX)
		return CR_ETOOBIG;
	const cr_article **arts = malloc(n * sizeof *arts);
	cr_briefing **bs = calloc(1, sizeof *bs);
	cr_err e = CR_ENOMEM;
	if (arts && bs) {
		for (size_t i = 0; i < n; i++)
			arts[i] = cr_pipeline_article(p, i);
		e = cr_brief_story(arts, (uint32_t)n, "story-1", opts, &bs[0]);
	}
	free(arts);
	if (e != CR_OK) {
		free(bs);
		return e;
	}
	*out = bs;
	*n_out = 1;
	return CR_OK;
}

int cr_cmd_brief(int argc, char **argv)
{
	static const struct option longopts[] = {
	        {"format", required_argument, NULL, 'f'},
	        {"sentences", required_argument, NULL, 'n'},
	        {"words", required_argument, NULL, 'w'},
	        {"focus", required_argument, NULL, 'q'},
	        {"one-story", no_argument, NULL, 'o'},
	        {"timing", no_argument, NULL, 't'},
	        {"help", no_argument, NULL, 'h'},
	        {NULL, 0, NULL, 0},
	};
	int fmt = isatty(STDOUT_FILENO) ? FMT_MD : FMT_JSON;
	cr_brief_opts opts = {0};
	int one_story = 0, timing = 0;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "f:n:w:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (!strcmp(optarg, "md") ||
			    !strcmp(optarg, "markdown"))
				fmt = FMT_MD;
			else if (!strcmp(optarg, "json"))
				fmt = FMT_JSON;
			else if (!strcmp(optarg, "html"))
				fmt = FMT_HTML;
			else {
				fprintf(stderr,
				        "crossread: unknown format '%s' "
				        "(md, json or html)\n",
				        optarg);
				return CR_EXIT_USAGE;
			}
			break;
		case 'n': {
			char *end;
			long v = strtol(optarg, &end, 10);
			if (*end || v < 1 || v > MAX_SENTENCES) {
				fprintf(stderr, "crossread: --sentences takes "
				                "1 to 20\n");
				return CR_EXIT_USAGE;
			}
			opts.summary_sentences = (uint32_t)v;
			break;
		}
		case 'w': {
			char *end;
			long v = strtol(optarg, &end, 10);
			if (*end || v < 1 || v > MAX_WORDS) {
				fprintf(stderr,
				        "crossread: --words takes 1 to %d\n",
				        MAX_WORDS);
				return CR_EXIT_USAGE;
			}
			opts.summary_words = (uint32_t)v;
			break;
		}
		case 'q':
			opts.focus = optarg;
			break;
		case 'o':
			one_story = 1;
			break;
		case 't':
			timing = 1;
			break;
		case 'h':
			fputs(brief_usage, stdout);
			return CR_EXIT_OK;
		default:
			fputs(brief_usage, stderr);
			return CR_EXIT_USAGE;
		}
	}
	/* A word budget is the length asked for: the default five sentences
	 * would cut it short. */
	if (opts.summary_words && !opts.summary_sentences)
		opts.summary_sentences = MAX_SENTENCES;
	if (optind >= argc) {
		fputs("crossread: brief needs at least one PATH\n\n", stderr);
		fputs(brief_usage, stderr);
		return CR_EXIT_USAGE;
	}

	cr_diag diag = cr_cli_stderr_diag();
	cr_pipeline *p = cr_pipeline_new(&diag);
	if (!p) {
		fprintf(stderr, "crossread: cannot start: %s\n",
		        cr_strerror(CR_ENOMEM));
		return CR_EXIT_FATAL;
	}
	int status = CR_EXIT_OK;
	double t0 = now();
	for (int i = optind; i < argc; i++) {
		cr_err e = cr_pipeline_add_path(p, argv[i]);
		if (e != CR_OK) {
			fprintf(stderr, "crossread: %s: %s\n", argv[i],
			        cr_strerror(e));
			status = CR_EXIT_FATAL;
			break;
		}
	}
	cr_briefing **bs = NULL;
	size_t nb = 0;
	double t1 = now();
	if (status == CR_EXIT_OK) {
		cr_err e = one_story ? brief_one(p, &opts, &bs, &nb)
		                     : cr_pipeline_brief(p, &opts, &bs, &nb);
		if (e != CR_OK) {
			fprintf(stderr, "crossread: briefing failed: %s\n",
			        cr_strerror(e));
			status = CR_EXIT_FATAL;
		}
	}
	if (timing)
		fprintf(stderr, "timing: analysis %.6f s, briefing %.6f s\n",
		        t1 - t0, now() - t1);
	if (status == CR_EXIT_OK) {
		const cr_briefing *const *cb = (const cr_briefing *const *)bs;
		cr_err e = fmt == FMT_JSON   ? cr_render_json(stdout, cb, nb)
		           : fmt == FMT_HTML ? cr_render_html(stdout, cb, nb)
		                             : cr_render_md(stdout, cb, nb);
		if (e != CR_OK || fflush(stdout) != 0) {
			fprintf(stderr, "crossread: cannot write output\n");
			status = CR_EXIT_FATAL;
		}
	}
	if (status == CR_EXIT_OK && diag.n_rejected)
		status = CR_EXIT_REJECTED;
	if (status == CR_EXIT_OK && cr_pipeline_count(p) == 0) {
		fprintf(stderr, "crossread: no articles in the input\n");
		status = CR_EXIT_REJECTED;
	}
	cr_pipeline_free_briefings(bs, nb);
	cr_pipeline_free(p);
	return status;
}
