# --format tsv: a header line, then id, story and copy_of per article ("-"
# for none); --explain adds opened, score, runner_up, runner_score, shared.
cmd: $CR cluster --format tsv examples/ && $CR cluster -f tsv -e examples/npa-wire.jsonl
exit: 0
stdout-match: \Aid\tstory\tcopy_of\ncoastalpost-storm\tstory-1\t-\n
stdout-has: riverside-bridge-fire	story-2	npa-bridge-fire
stdout-match: ^id\tstory\tcopy_of\topened\tscore\trunner_up\trunner_score\tshared$
stdout-match: ^npa-bridge-fire\tstory-1\t-\t1\t0\.0000\t(-|story-\d+)\t\d\.\d{4}\t\S.*$
