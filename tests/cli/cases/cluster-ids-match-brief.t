# cluster and brief group the articles alike and name the stories alike:
# each story of the briefing holds exactly the articles cluster places in
# the story of the same id.
cmd: c=$($CR cluster examples/ | paste -sd, -) && b=$($CR brief --format json examples/) && printf '{"cluster": [%s], "brief": %s}\n' "$c" "$b"
needs-module: src/brief/render_json.c
exit: 0
json-check: sorted(sorted(a["id"] for a in s["articles"]) for s in out["brief"]["stories"]) == sorted(sorted(r["id"] for r in out["cluster"] if r["story"] == k) for k in set(r["story"] for r in out["cluster"]))
json-check: all(sorted(a["id"] for a in s["articles"]) == sorted(r["id"] for r in out["cluster"] if r["story"] == s["id"]) for s in out["brief"]["stories"])
