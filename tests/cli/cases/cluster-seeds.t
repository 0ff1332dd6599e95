# The three seed reports of the Kyiv embassy closures make one story and
# none of them copies another.
cmd: out=$($CR cluster $DATA/seeds); st=$?; printf '[%s]\n' "$(printf '%s\n' "$out" | paste -sd, -)"; exit $st
needs-data: yes
exit: 0
expect-stderr: <<END
END
json-check: len(out) == 3
json-check: all(r["story"] == "story-1" for r in out)
json-check: all(r["copy_of"] is None for r in out)
