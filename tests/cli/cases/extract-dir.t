# A directory is read in name order; a file that is not HTML is reported
# and skipped, and the exit status says so.
cmd: $CR extract --format json tests/cli/data/pages
needs-module: src/ingest/html.c
exit: 1
expect-stderr: <<END
crossread: tests/cli/data/pages/notes.txt: not an HTML page, skipped
END
stdout-match: ^\{"path":"tests/cli/data/pages/tram.html","id":"tram","title":"Tram line to the university opens",
