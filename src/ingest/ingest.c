/*
 * ingest.c - walking paths and sniffing formats; see ingest.h.
 *
 * A path is read whole into one malloc'd buffer (bounded by
 * CR_MAX_FILE_BYTES, or CR_HTML_MAX_BYTES for an HTML page, known by its
 * name or first bytes, while it is read) and handed to the reader its content
 * calls for (text, JSON lines, HTML, feed), which copies what it keeps into
 * each article's arena; the buffer is freed at once. A WARC archive is the
 * exception: it is streamed from the file, so memory stays flat however
 * long it is. Directories are read recursively in byte order of names, hidden
 * entries skipped, depth bounded by CR_MAX_DIR_DEPTH. Symbolic links are
 * followed, but a directory that is already being read (a link back up
 * the tree) is reported and skipped, so loops end. Inside a directory
 * only regular files are read: a FIFO or device could block or never
 * end. A path given by name may be a FIFO (for instance <(cmd)).
 * Inside a directory, documentation that travels with a corpus (README,
 * LICENSE, *.md) is not an article and is skipped; a file named on the
 * command line is always read.
 */
#include "ingest/ingest.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ingest/html.h"
#include "ingest/feed.h"
#include "ingest/jsonl.h"
#include "ingest/textfile.h"
#include "ingest/warc.h"
#include "text/utf8.h"

/* Most entries read from one directory: a bound on the name list. */
#define CR_MAX_DIR_ENTRIES (1u << 20)
/* Longest path we build while walking. */
#define CR_MAX_PATH_BYTES 4096

/* The directories being read, from the top: used to stop link loops. */
typedef struct walk {
	cr_article_sink sink;
	void *ud;
	cr_diag *d;
	dev_t dev[CR_MAX_DIR_DEPTH + 1];
	ino_t ino[CR_MAX_DIR_DEPTH + 1];
	int depth;
} walk;

/* 1 when name ends in suffix. */
static int ends_with(const char *name, const char *suffix)
{
	size_t n = strlen(name), m = strlen(suffix);
	return n >= m && strcmp(name + n - m, suffix) == 0;
}

/* Files that describe a corpus rather than hold its articles. */
static int is_documentation(const char *name)
{
	return !strncmp(name, "README", 6) || !strncmp(name, "LICENSE", 7) ||
	       !strncmp(name, "COPYING", 7) || ends_with(name, ".md") ||
	       ends_with(name, ".markdown") || ends_with(name, ".rst");
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

/* 1 when the buffer should be read as JSON lines: by name, or when its
 * first non-blank byte (after a UTF-8 BOM) is '{'. */
static int is_jsonl(const char *name, const char *data, size_t n)
{
	if (name && (ends_with(name, ".jsonl") || ends_with(name, ".ndjson")))
		return 1;
	size_t i = 0;
	if (n >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < n && is_space(data[i]))
		i++;
	return i < n && data[i] == '{';
}

/* Extracts the article of an HTML page; a page that is not an article
 * (a listing, a product page) is reported and skipped. */
static cr_err ingest_html(const char *name, const char *data, size_t n,
                          cr_article_sink sink, void *ud, cr_diag *d)
{
	cr_article *a = NULL;
	cr_html_info info;
	cr_err e = cr_html_extract(name, data, n, NULL, &a, &info, d);
	if (e == CR_ENOMEM)
		return e;
	if (e != CR_OK)
		return CR_OK; /* reported by the extractor */
	if (!info.is_article) {
		cr_diag_warn(d, name, 0, CR_EFORMAT, "not an article (%s)",
		             info.page_why);
		cr_article_destroy(a);
		return CR_OK;
	}
	return sink(ud, a);
}

cr_err cr_ingest_buffer(const char *name, const char *data, size_t n,
                        cr_article_sink sink, void *ud, cr_diag *d)
{
	if (!name)
		name = "-";
	if (n == 0) {
		cr_diag_reject(d, name, 0, CR_EEMPTY, "empty file");
		return CR_OK;
	}
	if (n > CR_MAX_FILE_BYTES) {
		cr_diag_reject(d, name, 0, CR_ETOOBIG, "larger than %zu bytes",
		               CR_MAX_FILE_BYTES);
		return CR_OK;
	}
	/* Before the binary check: a WARC may be gzip. */
	if (cr_warc_sniff(data, n) || ends_with(name, ".warc") ||
	    ends_with(name, ".warc.gz"))
		return cr_warc_read_buffer(name, data, n, sink, ud, d);
	if (cr_utf8_looks_binary(data, n)) {
		const char *nul = memchr(data, 0, n);
		if (nul)
			cr_diag_reject(d, name, 0, CR_EBINARY,
			               "binary file (NUL byte at offset %zu)",
			               (size_t)(nul - data));
		else
			cr_diag_reject(d, name, 0, CR_EBINARY,
			               "binary file (control bytes)");
		return CR_OK;
	}
	size_t i = 0;
	while (i < n && is_space(data[i]))
		i++;
	if (i == n) {
		cr_diag_reject(d, name, 0, CR_EEMPTY,
		               "empty file (only white space)");
		return CR_OK;
	}
	if (cr_feed_sniff(data, n) || ends_with(name, ".rss") ||
	    ends_with(name, ".atom"))
		return cr_feed_read(name, data, n, sink, ud, d);
	if (cr_html_sniff(data, n) || ends_with(name, ".html") ||
	    ends_with(name, ".htm"))
		return ingest_html(name, data, n, sink, ud, d);
	if (is_jsonl(name, data, n))
		return cr_jsonl_read(name, data, n, sink, ud, d);
	cr_article *a = NULL;
	cr_err e = cr_textfile_read(name, data, n, &a, d);
	if (e == CR_ENOMEM)
		return e;
	if (e != CR_OK)
		return CR_OK; /* reported by the reader */
	return sink(ud, a);
}

/* 1 when a file of this name whose first bytes are head (hn of them)
 * is to be read as an HTML page: by its name or its content. */
static int is_html_file(const char *name, const char *head, size_t hn)
{
	return ends_with(name, ".html") || ends_with(name, ".htm") ||
	       (hn > 0 && cr_html_sniff(head, hn) && !cr_feed_sniff(head, hn));
}

/* Reads all of fd into a malloc'd buffer, at most CR_MAX_FILE_BYTES, or
 * CR_HTML_MAX_BYTES once the first CR_WARC_SNIFF_BYTES (or the name)
 * show an HTML page, so that an oversized page costs no more memory than
 * the cap. *limit is set to the bound that applied. Returns CR_ETOOBIG
 * when there is more, CR_EIO with errno set on a read error. size_hint
 * (from fstat; 0 if unknown) sizes the first buffer. */
static cr_err read_all(int fd, const char *name, size_t size_hint, char **out,
                       size_t *out_n, size_t *limit)
{
	size_t max = CR_MAX_FILE_BYTES;
	int judged = 0;
	if (ends_with(name, ".html") || ends_with(name, ".htm")) {
		max = CR_HTML_MAX_BYTES;
		judged = 1;
	}
	*limit = max;
	size_t cap = size_hint ? size_hint + 1 : 64 * 1024;
	if (cap > max + 1)
		cap = max + 1;
	size_t n = 0;
	char *buf = malloc(cap);
	if (!buf)
		return CR_ENOMEM;
	for (;;) {
		if (!judged && n >= CR_WARC_SNIFF_BYTES) {
			judged = 1;
			if (is_html_file(name, buf, n))
				*limit = max = CR_HTML_MAX_BYTES;
		}
		if (n > max) {
			free(buf);
			return CR_ETOOBIG;
		}
		if (n == cap) {
			size_t nc = cap * 2;
			if (nc > max + 1)
				nc = max + 1;
			char *nb = realloc(buf, nc);
			if (!nb) {
				free(buf);
				return CR_ENOMEM;
			}
			buf = nb;
			cap = nc;
		}
		ssize_t r = read(fd, buf + n, cap - n);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			int saved = errno;
			free(buf);
			errno = saved;
			return CR_EIO;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	if (!judged && is_html_file(name, buf, n))
		*limit = max = CR_HTML_MAX_BYTES;
	if (n > max) {
		free(buf);
		return CR_ETOOBIG;
	}
	*out = buf;
	*out_n = n;
	return CR_OK;
}

/* Reports a file past its size limit, naming the limit. */
static void too_big(walk *w, const char *path, size_t limit)
{
	if (limit == CR_HTML_MAX_BYTES)
		cr_diag_reject(w->d, path, 0, CR_ETOOBIG,
		               "HTML page larger than the limit of %zu bytes "
		               "(%zu MB); not read",
		               limit, limit >> 20);
	else
		cr_diag_reject(w->d, path, 0, CR_ETOOBIG,
		               "larger than %zu bytes", limit);
}

/* Reads one file (or stdin when path is "-") and ingests it. Problems
 * with the file are reported, not returned; only the sink's error and
 * CR_ENOMEM come back. */
static cr_err ingest_file(const char *path, walk *w)
{
	int fd = 0;
	int is_stdin = strcmp(path, "-") == 0;
	if (!is_stdin) {
		fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0) {
			cr_diag_reject(w->d, path, 0, CR_EIO, "%s",
			               strerror(errno));
			return CR_OK;
		}
	}
	struct stat st;
	size_t hint = 0;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
		/* A WARC archive is streamed, never read whole. */
		char head[CR_WARC_SNIFF_BYTES];
		ssize_t hn = pread(fd, head, sizeof head, 0);
		if (ends_with(path, ".warc") || ends_with(path, ".warc.gz") ||
		    (hn > 0 && cr_warc_sniff(head, (size_t)hn))) {
			cr_err we =
			        cr_warc_read_fd(path, fd, w->sink, w->ud, w->d);
			if (!is_stdin)
				close(fd);
			return we;
		}
		/* JSON lines past the whole-file cap are read a chunk at a
		 * time: a day of news in one file is common, and each line
		 * is an article of its own. */
		if ((unsigned long long)st.st_size > CR_MAX_FILE_BYTES &&
		    hn > 0 && is_jsonl(path, head, (size_t)hn) &&
		    !cr_utf8_looks_binary(head, (size_t)hn)) {
			cr_err je = cr_jsonl_read_fd(path, fd, w->sink, w->ud,
			                             w->d);
			if (!is_stdin)
				close(fd);
			return je;
		}
		/* An HTML page has its own, lower, cap: checked before a
		 * byte more is read. */
		size_t limit = is_html_file(path, head, hn > 0 ? (size_t)hn : 0)
		                       ? CR_HTML_MAX_BYTES
		                       : CR_MAX_FILE_BYTES;
		if ((unsigned long long)st.st_size > limit) {
			too_big(w, path, limit);
			if (!is_stdin)
				close(fd);
			return CR_OK;
		}
		hint = (size_t)st.st_size;
	}
	char *buf = NULL;
	size_t n = 0, limit = CR_MAX_FILE_BYTES;
	cr_err e = read_all(fd, path, hint, &buf, &n, &limit);
	int saved = errno;
	if (!is_stdin)
		close(fd);
	if (e == CR_ETOOBIG) {
		too_big(w, path, limit);
		return CR_OK;
	}
	if (e == CR_EIO) {
		cr_diag_reject(w->d, path, 0, CR_EIO, "%s", strerror(saved));
		return CR_OK;
	}
	if (e != CR_OK)
		return e;
	e = cr_ingest_buffer(path, buf, n, w->sink, w->ud, w->d);
	free(buf);
	return e;
}

static int by_name(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

static cr_err ingest_any(const char *path, walk *w, int top);

/* Reads the entries of a directory in name order. */
static cr_err ingest_dir(const char *path, const struct stat *st, walk *w)
{
	for (int i = 0; i < w->depth; i++) {
		if (w->dev[i] == st->st_dev && w->ino[i] == st->st_ino) {
			cr_diag_reject(w->d, path, 0, CR_EINVAL,
			               "directory loop (already being read), "
			               "skipped");
			return CR_OK;
		}
	}
	if (w->depth > CR_MAX_DIR_DEPTH) {
		cr_diag_reject(
		        w->d, path, 0, CR_ETOODEEP,
		        "directory nested deeper than %d levels, skipped",
		        CR_MAX_DIR_DEPTH);
		return CR_OK;
	}
	DIR *dir = opendir(path);
	if (!dir) {
		cr_diag_reject(w->d, path, 0, CR_EIO, "%s", strerror(errno));
		return CR_OK;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	cr_err e = CR_OK;
	struct dirent *de;
	while ((de = readdir(dir)) != NULL) {
		if (de->d_name[0] == '.')
			continue; /* hidden, and . and .. */
		if (is_documentation(de->d_name))
			continue;
		if (n == CR_MAX_DIR_ENTRIES) {
			cr_diag_reject(w->d, path, 0, CR_ETOOBIG,
			               "more than %u entries, the rest skipped",
			               CR_MAX_DIR_ENTRIES);
			break;
		}
		if (n == cap) {
			size_t nc = cap ? cap * 2 : 64;
			char **nn = realloc(names, nc * sizeof *nn);
			if (!nn) {
				e = CR_ENOMEM;
				goto out;
			}
			names = nn;
			cap = nc;
		}
		if (!(names[n] = strdup(de->d_name))) {
			e = CR_ENOMEM;
			goto out;
		}
		n++;
	}
	if (n > 1)
		qsort(names, n, sizeof *names, by_name);
	w->dev[w->depth] = st->st_dev;
	w->ino[w->depth] = st->st_ino;
	w->depth++;
	size_t plen = strlen(path);
	int slash = plen > 0 && path[plen - 1] == '/';
	for (size_t i = 0; i < n && e == CR_OK; i++) {
		char child[CR_MAX_PATH_BYTES];
		int k = snprintf(child, sizeof child, "%s%s%s", path,
		                 slash ? "" : "/", names[i]);
		if (k < 0 || (size_t)k >= sizeof child) {
			cr_diag_reject(w->d, path, 0, CR_ETOOBIG,
			               "path of entry %s too long, skipped",
			               names[i]);
			continue;
		}
		e = ingest_any(child, w, 0);
	}
	w->depth--;
out:
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	closedir(dir);
	return e;
}

/* Reads a file or directory. top is 1 for a path the caller named,
 * which may also be a FIFO or character device (stdin-like). */
static cr_err ingest_any(const char *path, walk *w, int top)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		/* A dangling link or a vanished entry. */
		cr_diag_reject(w->d, path, 0, CR_EIO, "%s", strerror(errno));
		return CR_OK;
	}
	if (S_ISDIR(st.st_mode))
		return ingest_dir(path, &st, w);
	if (!S_ISREG(st.st_mode) && !top) {
		cr_diag_reject(w->d, path, 0, CR_EIO,
		               "not a regular file, skipped");
		return CR_OK;
	}
	return ingest_file(path, w);
}

cr_err cr_ingest_path(const char *path, cr_article_sink sink, void *ud,
                      cr_diag *d)
{
	walk w = {.sink = sink, .ud = ud, .d = d};
	if (!path)
		return CR_EINVAL;
	if (strcmp(path, "-") == 0)
		return ingest_file(path, &w);
	return ingest_any(path, &w, 1);
}
