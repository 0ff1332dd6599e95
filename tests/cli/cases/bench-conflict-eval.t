# bench/conflict-eval scores crossread's conflicts against the hand-checked
# DUC 2006 set in tests/data/duc2006-conflicts.jsonl and ends with the
# figure line; the figure itself is reported in bench/README.md, not held
# to a threshold here.
needs-data: yes
cmd: CR_BIN=$CR $SRC/bench/conflict-eval $DATA/duc2006
exit: 0
stdout-has: gold: tests/data/duc2006-conflicts.jsonl (41 conflicts
stdout-has: 43 agreeing pairs
stdout-match: ^precision: \d\.\d{3}  recall: \d\.\d{3}$
stdout-match: ^false-conflict rate on agreeing pairs: \d\.\d{3} \(\d+/43\)$
stdout-match: ^conflict-f1: \d\.\d{3}\n?\Z
timeout: 300
