# bench/rouge reproduces NIST's official DUC 2006 ROUGE-2 and SU4 figures
# for every peer (systems 1-35, humans A-J) to three decimals; until it
# does, none of its numbers count. Needs Debian's wordnet-base (the -m
# exception lists).
needs-data: yes
cmd: $SRC/bench/rouge --check $DATA/duc2006
exit: 0
stdout-has: rouge-check: 90/90 peers match
stdout-lacks: DIFFERS
timeout: 300
