# The sample corpus makes four stories. One line per article in arrival
# order (files sorted by name, JSON lines in file order), each with id,
# story (story-N, numbered from 1 as stories open) and copy_of; the Riverside Daily reprint is a copy of the NPA wire.
cmd: out=$($CR cluster --format jsonl examples/); st=$?; printf '[%s]\n' "$(printf '%s\n' "$out" | paste -sd, -)"; exit $st
needs-module: src/sig/copies.c
needs-module: src/cluster/stories.c
exit: 0
expect-stderr: <<END
END
json-check: len(out) == 15
json-check: all(sorted(r) == ["copy_of", "id", "story"] for r in out)
json-check: len(set(r["id"] for r in out)) == len(out)
json-check: out[0]["id"] == "coastalpost-storm" and out[0]["story"] == "story-1"
json-check: len(set(r["story"] for r in out)) == 4
json-check: all(re.fullmatch(r"story-[1-4]", r["story"]) for r in out)
json-check: [r["copy_of"] for r in out if r["id"] == "riverside-bridge-fire"] == ["npa-bridge-fire"]
json-check: [r["id"] for r in out if r["copy_of"]] == ["riverside-bridge-fire"]
json-check: len(set(r["story"] for r in out if "bridge-fire" in r["id"])) == 1
json-check: len(set(r["story"] for r in out if "recall" in r["id"])) == 1
