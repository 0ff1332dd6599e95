/*
 * replay.c - runs every file of a corpus folder (argv[1]) through the
 * harness's LLVMFuzzerTestOneInput, in name order, without libFuzzer, so
 * normal CI replays the corpora. Prints TAP: "ok N - file" per input and
 * the plan at the end. A crash fails the test by signal; an unreadable
 * corpus prints "not ok".
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Largest corpus file replayed; corpora hold small inputs. */
#define REPLAY_MAX_BYTES ((size_t)64 << 20)
#define REPLAY_MAX_FILES 100000

static int by_name(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

/* Reads a whole file into a malloc'd buffer; NULL on failure. */
static uint8_t *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 4096, len = 0;
	uint8_t *buf = malloc(cap);
	while (buf) {
		size_t r = fread(buf + len, 1, cap - len, f);
		len += r;
		if (len < cap)
			break;
		if (cap >= REPLAY_MAX_BYTES) {
			free(buf);
			buf = NULL;
			break;
		}
		uint8_t *nb = realloc(buf, cap * 2);
		if (!nb) {
			free(buf);
			buf = NULL;
		}
		buf = nb;
		cap *= 2;
	}
	if (buf && ferror(f)) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	*n = len;
	return buf;
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: %s CORPUS_DIR\n", argv[0]);
		return 2;
	}
	DIR *d = opendir(argv[1]);
	if (!d) {
		printf("1..1\nnot ok 1 - cannot open %s\n", argv[1]);
		return 1;
	}
	char **names = calloc(REPLAY_MAX_FILES, sizeof *names);
	size_t n = 0;
	struct dirent *de;
	while (names && n < REPLAY_MAX_FILES && (de = readdir(d)) != NULL)
		if (de->d_name[0] != '.')
			names[n++] = strdup(de->d_name);
	closedir(d);
	if (!names)
		return 1;
	qsort(names, n, sizeof *names, by_name);
	int failed = 0;
	for (size_t i = 0; i < n; i++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", argv[1], names[i]);
		size_t len = 0;
		uint8_t *buf = names[i] ? slurp(path, &len) : NULL;
		if (!buf) {
			printf("not ok %zu - %s (unreadable)\n", i + 1,
			       names[i] ? names[i] : "?");
			failed = 1;
		} else {
			LLVMFuzzerTestOneInput(buf, len);
			printf("ok %zu - %s\n", i + 1, names[i]);
			fflush(stdout);
		}
		free(buf);
		free(names[i]);
	}
	printf("1..%zu\n", n);
	free(names);
	return failed;
}
