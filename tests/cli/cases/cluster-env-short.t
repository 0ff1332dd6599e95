# CR_CLUSTER_SHORT_THRESHOLD reaches the clustering: two headlines of one
# event join under the default short-text threshold even when the full
# threshold is strict (cluster-env-short-default.t), and split when the
# short threshold is strict too.
cmd: printf '{"id":"a","title":"Flood waters close Danube bridge in Vienna","text":"Flood waters close Danube bridge in Vienna after heavy rain."}\n{"id":"b","title":"Vienna shuts Danube bridge as flood waters rise","text":"Vienna shuts Danube bridge as flood waters rise after heavy rain."}\n' | CR_CLUSTER_THRESHOLD=0.95 CR_CLUSTER_SHORT_THRESHOLD=0.9 $CR cluster - | paste -sd, - | sed 's/^/[/; s/$/]/'
exit: 0
json-check: len(out) == 2
json-check: out[0]["story"] != out[1]["story"]
