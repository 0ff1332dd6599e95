# --version prints "crossread X.Y.Z" and nothing else.
cmd: $CR --version
exit: 0
stdout-match: \Acrossread \d+\.\d+\.\d+\n\Z
expect-stderr: <<END
END
