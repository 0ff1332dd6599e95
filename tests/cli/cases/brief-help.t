# brief --help prints the brief options on stdout and exits 0.
cmd: $CR brief --help
exit: 0
expect-stdout: <<END
usage: crossread brief [options] PATH...

Reads articles, groups them into stories and prints the briefing of
each story, largest first.

options:
  -f, --format FMT     md, json or html. Default: md when standard
                       output is a terminal, json otherwise.
  -n, --sentences N    summary length in sentences (1-20, default 5)
  -w, --words N        summary length in words (1-5000), the last
                       sentence cut to fit; --sentences is then 20
                       unless given
      --focus QUERY    bias the summary towards QUERY
      --one-story      brief all the input as one story, without
                       grouping it (for articles already grouped)
      --timing         print on stderr the seconds spent reading and
                       analysing, and briefing
  -h, --help           show this help

PATH is a text file, a JSON lines file, an HTML page, an RSS or Atom
feed, a WARC archive, a directory (recursive) or - for stdin.
Rejected input is reported on stderr as file:line: reason and the
rest is still briefed; the exit status is then 1.
END
expect-stderr: <<END
END
