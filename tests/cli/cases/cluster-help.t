# cluster --help prints the cluster options on stdout and exits 0.
cmd: $CR cluster --help
exit: 0
expect-stdout: <<END
usage: crossread cluster [options] PATH...

Reads articles, places each in a story as it arrives, and prints one
line per article in arrival order: its id, its story and the earliest
article it copies, if any. Stories are named story-N, numbered from 1
in the order they were opened, as in brief.

options:
  -f, --format FMT     jsonl (default) or tsv
  -e, --explain        add what tied each article to its story: the
                       similarity score, whether it opened the story,
                       the runner-up story and its score, and the
                       heaviest shared terms
  -h, --help           show this help

PATH is a text file, a JSON lines file, an HTML page, an RSS or Atom
feed, a WARC archive, a directory (recursive) or - for stdin.
Articles are clustered in the order they are read, and each line is
printed the moment its article is placed; articles are not kept, so
memory stays that of the active stories and the copy index however
long the input. Rejected input is reported on stderr as file:line:
reason and the rest is still clustered; the exit status is then 1.
CR_CLUSTER_* environment variables set the clustering's parameters
(see crossread(1)).
END
expect-stderr: <<END
END
