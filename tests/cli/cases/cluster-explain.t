# --explain adds why each article went to its story: an article that opens
# a story has score 0; one that joins beats its runner-up; shared terms are
# at most four strings, and every joiner shares some with its story.
cmd: out=$($CR cluster --explain examples/); st=$?; printf '[%s]\n' "$(printf '%s\n' "$out" | paste -sd, -)"; exit $st
needs-module: src/cluster/stories.c
exit: 0
json-check: all(sorted(r["why"]) == ["opened", "runner_score", "runner_up", "score", "shared"] for r in out)
json-check: out[0]["why"] == {"opened": True, "score": 0, "runner_up": None, "runner_score": 0, "shared": []}
json-check: sum(r["why"]["opened"] for r in out) == 4
json-check: all(r["why"]["score"] == 0 for r in out if r["why"]["opened"])
json-check: all(r["why"]["score"] > 0 and r["why"]["score"] >= r["why"]["runner_score"] and r["why"]["shared"] for r in out if not r["why"]["opened"])
json-check: all(r["why"]["runner_up"] is None or (re.fullmatch(r"story-\d+", r["why"]["runner_up"]) and r["why"]["runner_up"] != r["story"]) for r in out)
json-check: all(len(r["why"]["shared"]) <= 4 and all(isinstance(t, str) and t for t in r["why"]["shared"]) for r in out)
