# CR_CLUSTER_THRESHOLD reaches the clustering: a strict threshold splits
# the sample corpus's four stories further.
cmd: CR_CLUSTER_THRESHOLD=0.95 $CR cluster examples/ | paste -sd, - | sed 's/^/[/; s/$/]/'
exit: 0
json-check: len(out) == 15
json-check: len(set(r["story"] for r in out)) > 4
