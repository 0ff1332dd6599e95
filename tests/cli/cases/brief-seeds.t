# The three seed reports of the Kyiv embassy closures (../shared/data,
# not in this repo) make one story; the promo, tagline and stray "Today"
# lines are removed.
cmd: $CR brief --format json $DATA/seeds
needs-data: yes
exit: 0
expect-stderr: <<END
END
json-check: len(stories) == 1
json-check: len(stories[0]["articles"]) == 3
json-check: any("Today" in a["removed_lines"] for a in stories[0]["articles"])
json-check: any(any("newsletter" in l for l in a["removed_lines"]) for a in stories[0]["articles"])
json-check: all("|" not in (a["title"] or "") for a in stories[0]["articles"])
json-check: any(a["source"] == "Global News" for a in stories[0]["articles"])
