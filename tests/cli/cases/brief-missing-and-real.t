# One missing path among real ones: it is reported, the rest is briefed,
# and the exit status is 1.
cmd: $CR brief --format json examples/ no-such-file.txt
needs-module: src/ingest/ingest.c
needs-module: src/brief/render_json.c
exit: 1
stderr-match: ^crossread: no-such-file\.txt: .+
json-check: out["version"] == 1
json-check: len(stories) >= 1
