# CR_CLUSTER_SHORT_TERMS reaches the clustering: when the full threshold
# applies from one term on, the strict threshold splits the two headlines
# that join by default (cluster-env-short-default.t).
cmd: printf '{"id":"a","title":"Flood waters close Danube bridge in Vienna","text":"Flood waters close Danube bridge in Vienna after heavy rain."}\n{"id":"b","title":"Vienna shuts Danube bridge as flood waters rise","text":"Vienna shuts Danube bridge as flood waters rise after heavy rain."}\n' | CR_CLUSTER_THRESHOLD=0.95 CR_CLUSTER_SHORT_TERMS=1 $CR cluster - | paste -sd, - | sed 's/^/[/; s/$/]/'
exit: 0
json-check: len(out) == 2
json-check: out[0]["story"] != out[1]["story"]
