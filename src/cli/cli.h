/*
 * cli.h - what the subcommands share: exit statuses and the stderr sink.
 *
 * Exit statuses (documented in crossread(1)):
 *   0  every input was read
 *   1  some input was rejected (reported on stderr); output covers the rest
 *   2  usage error
 *   3  fatal error: nothing useful could be written
 */
#ifndef CR_CLI_CLI_H
#define CR_CLI_CLI_H

#include "crossread/crossread.h"

enum {
	CR_EXIT_OK = 0,
	CR_EXIT_REJECTED = 1,
	CR_EXIT_USAGE = 2,
	CR_EXIT_FATAL = 3
};

/* A cr_diag that prints "file:line: reason" (or "file: reason") to
 * stderr, prefixed with "crossread: ". */
cr_diag cr_cli_stderr_diag(void);

int cr_cmd_brief(int argc, char **argv);
int cr_cmd_cluster(int argc, char **argv);
int cr_cmd_extract(int argc, char **argv);

#endif
