# expect: exit=1 stderr-last="IndentationError: unexpected indent"
x = 1
    y = 2
