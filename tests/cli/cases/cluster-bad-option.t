# An unknown option, an unknown format or a missing PATH is a usage error
# (exit 2) with cluster's usage on stderr and nothing on stdout.
cmd: $CR cluster --colour examples/ || echo "status $?"; $CR cluster --format xml examples/ || echo "status $?"; $CR cluster
exit: 2
expect-stdout: <<END
status 2
status 2
END
stderr-has: unrecognized option '--colour'
stderr-has: crossread: unknown format 'xml' (jsonl or tsv)
stderr-match: ^crossread: cluster needs at least one PATH$
stderr-has: usage: crossread cluster [options] PATH...
