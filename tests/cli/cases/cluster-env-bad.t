# An out-of-range CR_CLUSTER_* value is a usage error that names it.
cmd: CR_CLUSTER_THRESHOLD=2 $CR cluster examples/
exit: 2
stderr-has: CR_CLUSTER_THRESHOLD
