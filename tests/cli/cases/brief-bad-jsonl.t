# A JSON lines file with a cut-off line and a record without text: both
# are reported as file:line: reason, the blank line is skipped silently,
# the two good records are still briefed, and the exit status is 1.
cmd: $CR brief --format json tests/cli/data/bad-line.jsonl
needs-module: src/ingest/jsonl.c
needs-module: src/brief/briefing.c
needs-module: src/cluster/stories.c
exit: 1
stderr-match: ^crossread: tests/cli/data/bad-line\.jsonl:2: .+
stderr-match: ^crossread: tests/cli/data/bad-line\.jsonl:3: .+
stderr-lacks: bad-line.jsonl:4:
stderr-lacks: bad-line.jsonl:1:
json-check: out["version"] == 1
json-check: sorted(i for s in stories for i in ids(s)) == ["ok-one", "ok-two"]
