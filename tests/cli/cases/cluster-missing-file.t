# A missing path among real ones is reported; the rest is clustered and
# the exit status is 1.
cmd: $CR cluster examples/npa-wire.jsonl no-such-file.txt
exit: 1
stderr-match: ^crossread: no-such-file\.txt: .+
stdout-match: ^\{"id":"npa-bridge-fire","story":"story-1","copy_of":null\}$
