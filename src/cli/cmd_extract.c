/*
 * cmd_extract.c - `crossread extract`: what was extracted from each web
 * page: title, byline, published time, outlet, URL, language, whether it
 * is an article, and the body after cleaning (what `brief` would read).
 *
 * Pages are files, directories (read recursively in name order, hidden
 * entries skipped) or - for stdin. A file must be HTML by its content or
 * its name (.html, .htm); anything else is reported and skipped. Output
 * is one JSON object per page per line (the default when standard output
 * is not a terminal), or Markdown.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "ingest/clean.h"
#include "ingest/html.h"
#include "ingest/ingest.h"

static const char extract_usage[] =
        "usage: crossread extract [options] PATH...\n"
        "\n"
        "Extracts the article of each HTML page and prints its title, byline,\n"
        "published time (UTC), outlet, URL, language, whether it is an\n"
        "article, and its body as cleaned paragraphs.\n"
        "\n"
        "options:\n"
        "  -f, --format FMT     json or md. Default: md when standard output\n"
        "                       is a terminal, json otherwise (one object per\n"
        "                       page per line).\n"
        "      --raw            print the text as extracted, before the\n"
        "                       cleaner removes promos and teasers\n"
        "  -h, --help           show this help\n"
        "\n"
        "PATH is an HTML file, a directory (recursive) or - for stdin. Files\n"
        "that are not HTML and pages that cannot be read are reported on\n"
        "stderr and skipped; the exit status is then 1. A page that is not an\n"
        "article (a listing, a product page) is printed with is_article "
        "false.\n";

enum { FMT_MD, FMT_JSON };

/* Longest path built while walking a directory. */
#define EXTRACT_MAX_PATH 4096

typedef struct run {
	int fmt;
	int raw; /* print article->raw rather than the cleaned body */
	cr_diag d;
	int fatal;
} run;

/* An epoch time as ISO 8601 UTC into out; "" when unknown. */
static void iso_time(int64_t t, char *out, size_t cap)
{
	out[0] = 0;
	if (t == CR_TIME_NONE)
		return;
	time_t tt = (time_t)t;
	struct tm tm;
	if (gmtime_r(&tt, &tm))
		strftime(out, cap, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static json_t *opt_string(const char *s)
{
	return s ? json_string(s) : json_null();
}

static int print_json(const char *path, const cr_article *a,
                      const cr_html_info *info)
{
	char when[32];
	iso_time(a->published, when, sizeof when);
	json_t *o = json_object();
	int bad = !o;
	if (o) {
		bad |= json_object_set_new(o, "path", json_string(path));
		bad |= json_object_set_new(o, "id", opt_string(a->id));
		bad |= json_object_set_new(o, "title", opt_string(a->title));
		bad |= json_object_set_new(o, "byline",
		                           opt_string(info->byline));
		bad |= json_object_set_new(o, "published",
		                           opt_string(when[0] ? when : NULL));
		bad |= json_object_set_new(o, "outlet", opt_string(a->source));
		bad |= json_object_set_new(o, "url", opt_string(a->url));
		bad |= json_object_set_new(o, "lang", opt_string(a->lang));
		bad |= json_object_set_new(o, "is_article",
		                           json_boolean(info->is_article));
		bad |= json_object_set_new(
		        o, "page_type",
		        json_string(cr_page_type_name(info->page_type)));
		bad |= json_object_set_new(o, "why_not_article",
		                           opt_string(info->page_why));
		bad |= json_object_set_new(o, "charset",
		                           opt_string(info->charset));
		bad |= json_object_set_new(o, "body", opt_string(a->body));
	}
	if (!bad)
		bad = json_dumpf(o, stdout,
		                 JSON_COMPACT | JSON_PRESERVE_ORDER) != 0 ||
		      putchar('\n') == EOF;
	json_decref(o);
	return bad ? -1 : 0;
}

static void print_md(const char *path, const cr_article *a,
                     const cr_html_info *info)
{
	char when[32];
	iso_time(a->published, when, sizeof when);
	printf("# %s\n\n", a->title ? a->title : "(no title)");
	printf("- file: %s\n", path);
	printf("- byline: %s\n", info->byline ? info->byline : "-");
	printf("- published: %s\n", when[0] ? when : "-");
	printf("- outlet: %s\n", a->source ? a->source : "-");
	printf("- url: %s\n", a->url ? a->url : "-");
	printf("- language: %s\n", a->lang ? a->lang : "-");
	if (info->is_article)
		printf("- article: yes\n\n");
	else
		printf("- article: no (%s)\n\n", info->page_why);
	/* Paragraphs become Markdown paragraphs. */
	for (const char *p = a->body ? a->body : ""; *p;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		printf("%.*s\n\n", (int)len, p);
		p += len + (nl != NULL);
	}
}

/* Reads a whole file (or stdin) of at most CR_HTML_MAX_BYTES; a larger
 * file is rejected without reading it. */
static void extract_file(run *r, const char *path)
{
	int is_stdin = !strcmp(path, "-");
	int fd = is_stdin ? 0 : open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		cr_diag_reject(&r->d, path, 0, CR_EIO, "%s", strerror(errno));
		return;
	}
	struct stat st;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    (unsigned long long)st.st_size > CR_HTML_MAX_BYTES) {
		cr_diag_reject(&r->d, path, 0, CR_ETOOBIG,
		               "HTML page larger than %zu bytes",
		               CR_HTML_MAX_BYTES);
		if (!is_stdin)
			close(fd);
		return;
	}
	size_t cap = 64 * 1024, n = 0;
	char *data = malloc(cap);
	int err = 0;
	while (data) {
		if (n == cap) {
			if (cap > CR_HTML_MAX_BYTES)
				break;
			char *nd = realloc(data, cap * 2);
			if (!nd) {
				free(data);
				data = NULL;
				break;
			}
			data = nd;
			cap *= 2;
		}
		ssize_t k = read(fd, data + n, cap - n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0)
			err = errno;
		if (k <= 0)
			break;
		n += (size_t)k;
	}
	if (!is_stdin)
		close(fd);
	if (!data) {
		r->fatal = 1;
		return;
	}
	if (err) {
		cr_diag_reject(&r->d, path, 0, CR_EIO, "%s", strerror(err));
	} else if (!cr_html_sniff(data, n) && !strstr(path, ".htm")) {
		cr_diag_reject(&r->d, path, 0, CR_EFORMAT,
		               "not an HTML page, skipped");
	} else {
		cr_article *a = NULL;
		cr_html_info info;
		cr_err e =
		        cr_html_extract(path, data, n, NULL, &a, &info, &r->d);
		if (e == CR_OK && cr_clean(a) != CR_OK)
			e = CR_ENOMEM;
		if (e == CR_OK && r->raw) {
			a->body = (char *)a->raw;
			a->body_len = a->raw_len;
		}
		if (e == CR_ENOMEM)
			r->fatal = 1;
		if (e == CR_OK) {
			if (r->fmt == FMT_JSON) {
				if (print_json(path, a, &info) < 0)
					r->fatal = 1;
			} else {
				print_md(path, a, &info);
			}
		}
		cr_article_destroy(a);
	}
	free(data);
}

static int by_name(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

static void extract_path(run *r, const char *path, int depth);

/* The entries of a directory in name order, hidden ones skipped. */
static void extract_dir(run *r, const char *path, int depth)
{
	if (depth > CR_MAX_DIR_DEPTH) {
		cr_diag_reject(
		        &r->d, path, 0, CR_ETOODEEP,
		        "directory nested deeper than %d levels, skipped",
		        CR_MAX_DIR_DEPTH);
		return;
	}
	DIR *dir = opendir(path);
	if (!dir) {
		cr_diag_reject(&r->d, path, 0, CR_EIO, "%s", strerror(errno));
		return;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *de;
	while ((de = readdir(dir)) != NULL && !r->fatal) {
		if (de->d_name[0] == '.')
			continue;
		if (n == cap) {
			size_t nc = cap ? cap * 2 : 64;
			char **nn = realloc(names, nc * sizeof *nn);
			if (!nn) {
				r->fatal = 1;
				break;
			}
			names = nn;
			cap = nc;
		}
		if (!(names[n] = strdup(de->d_name))) {
			r->fatal = 1;
			break;
		}
		n++;
	}
	closedir(dir);
	if (n > 1)
		qsort(names, n, sizeof *names, by_name);
	for (size_t i = 0; i < n; i++) {
		char child[EXTRACT_MAX_PATH];
		int k = snprintf(child, sizeof child, "%s/%s", path, names[i]);
		if (!r->fatal && k > 0 && (size_t)k < sizeof child)
			extract_path(r, child, depth + 1);
		free(names[i]);
	}
	free(names);
}

static void extract_path(run *r, const char *path, int depth)
{
	struct stat st;
	if (strcmp(path, "-") && stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		extract_dir(r, path, depth);
	else
		extract_file(r, path);
}

int cr_cmd_extract(int argc, char **argv)
{
	static const struct option longopts[] = {
	        {"format", required_argument, NULL, 'f'},
	        {"raw", no_argument, NULL, 'r'},
	        {"help", no_argument, NULL, 'h'},
	        {NULL, 0, NULL, 0},
	};
	run r = {.fmt = isatty(STDOUT_FILENO) ? FMT_MD : FMT_JSON,
	         .d = cr_cli_stderr_diag()};
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "f:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (!strcmp(optarg, "json"))
				r.fmt = FMT_JSON;
			else if (!strcmp(optarg, "md") ||
			         !strcmp(optarg, "markdown"))
				r.fmt = FMT_MD;
			else {
				fprintf(stderr,
				        "crossread: unknown format '%s' (json "
				        "or md)\n",
				        optarg);
				return CR_EXIT_USAGE;
			}
			break;
		case 'r':
			r.raw = 1;
			break;
		case 'h':
			fputs(extract_usage, stdout);
			return CR_EXIT_OK;
		default:
			fputs(extract_usage, stderr);
			return CR_EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		fprintf(stderr,
		        "crossread: extract needs at least one PATH\n\n"
		        "%s",
		        extract_usage);
		return CR_EXIT_USAGE;
	}
	for (int i = optind; i < argc && !r.fatal; i++)
		extract_path(&r, argv[i], 0);
	if (fflush(stdout) != 0)
		r.fatal = 1;
	if (r.fatal) {
		fprintf(stderr, "crossread: extract: out of memory or write "
		                "error\n");
		return CR_EXIT_FATAL;
	}
	return r.d.n_rejected ? CR_EXIT_REJECTED : CR_EXIT_OK;
}
