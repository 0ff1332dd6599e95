# crossread --help prints the top-level usage on stdout and exits 0.
cmd: $CR --help
exit: 0
expect-stdout: <<END
usage: crossread <command> [options] PATH...

Groups news articles into stories and writes a cross-source briefing
of each: summary, facts with agreement, conflicts, quotes, entities,
timeline, and how many independent outlets confirm each point.

commands:
  brief    read articles and print the briefing of every story
  cluster  read articles and print each one's story and copy_of
  extract  print what was extracted from each HTML page

PATH is a text file (first line: title), a JSON lines file (one
article per line), an HTML page, an RSS or Atom feed, a WARC
archive (plain or gzip), a directory (read recursively) or - for
stdin.
Run 'crossread <command> --help' for a command's options; see also
crossread(1).
END
expect-stderr: <<END
END
