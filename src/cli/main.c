/*
 * main.c - the crossread command: dispatches to one file per subcommand.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

#ifndef CR_VERSION
#define CR_VERSION "0.1.0"
#endif

static void stderr_sink(void *ud, const char *file, uint64_t line, cr_err code,
                        const char *reason)
{
	(void)ud;
	(void)code;
	if (line)
		fprintf(stderr, "crossread: %s:%llu: %s\n", file,
		        (unsigned long long)line, reason);
	else
		fprintf(stderr, "crossread: %s: %s\n", file, reason);
}

cr_diag cr_cli_stderr_diag(void)
{
	cr_diag d = {.fn = stderr_sink};
	return d;
}

static const char usage[] =
        "usage: crossread <command> [options] PATH...\n"
        "\n"
        "Groups news articles into stories and writes a cross-source briefing\n"
        "of each: summary, facts with agreement, conflicts, quotes, entities,\n"
        "timeline, and how many independent outlets confirm each point.\n"
        "\n"
        "commands:\n"
        "  brief    read articles and print the briefing of every story\n"
        "  cluster  read articles and print each one's story and copy_of\n"
        "  extract  print what was extracted from each HTML page\n"
        "\n"
        "PATH is a text file (first line: title), a JSON lines file (one\n"
        "article per line), an HTML page, an RSS or Atom feed, a WARC\n"
        "archive (plain or gzip), a directory (read recursively) or - for\n"
        "stdin.\n"
        "Run 'crossread <command> --help' for a command's options; see also\n"
        "crossread(1).\n";

int main(int argc, char **argv)
{
	if (argc < 2) {
		fputs(usage, stderr);
		return CR_EXIT_USAGE;
	}
	const char *cmd = argv[1];
	if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help") ||
	    !strcmp(cmd, "help")) {
		fputs(usage, stdout);
		return CR_EXIT_OK;
	}
	if (!strcmp(cmd, "--version")) {
		printf("crossread %s\n", CR_VERSION);
		return CR_EXIT_OK;
	}
	if (!strcmp(cmd, "brief"))
		return cr_cmd_brief(argc - 1, argv + 1);
	if (!strcmp(cmd, "cluster"))
		return cr_cmd_cluster(argc - 1, argv + 1);
	if (!strcmp(cmd, "extract"))
		return cr_cmd_extract(argc - 1, argv + 1);
	fprintf(stderr, "crossread: unknown command '%s'\n\n%s", cmd, usage);
	return CR_EXIT_USAGE;
}
