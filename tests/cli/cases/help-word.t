# 'help' is a synonym for --help.
cmd: $CR help
exit: 0
stdout-has: usage: crossread <command> [options] PATH...
stdout-has:   brief    read articles and print the briefing of every story
stdout-has:   cluster  read articles and print each one's story and copy_of
stdout-has:   extract  print what was extracted from each HTML page
