# A path that does not exist is rejected on stderr as "crossread: PATH:
# reason"; nothing was read, so stdout is the empty briefing and the exit
# status is 1 (rejected).
cmd: $CR brief --format json no-such-dir/no-such-file.txt
needs-module: src/ingest/ingest.c
needs-module: src/brief/render_json.c
exit: 1
expect-stdout: <<END
{
  "version": 1,
  "stories": []
}
END
stderr-match: ^crossread: no-such-dir/no-such-file\.txt: .+
