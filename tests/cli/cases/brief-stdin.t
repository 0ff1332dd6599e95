# "-" reads one plain-text article from stdin: first line is the title.
cmd: $CR brief --format json -
needs-module: src/ingest/ingest.c
needs-module: src/brief/briefing.c
needs-module: src/cluster/stories.c
stdin: <<END
Library in Ostervik to open on Sundays from April
OSTERVIK, Monday, March 10, 2025 — The public library in Ostervik will open on Sunday afternoons from April, the town council said on Monday, after a survey found that most readers wanted longer weekend hours.
"People told us loud and clear that Sunday is when they have time to read," said councillor Mira Hallen.
The library will open from noon to 5 p.m., and the cost of the extra staff will be met from the culture budget.
END
exit: 0
expect-stderr: <<END
END
json-check: len(stories) == 1
json-check: len(stories[0]["articles"]) == 1
json-check: stories[0]["articles"][0]["title"] == "Library in Ostervik to open on Sundays from April"
