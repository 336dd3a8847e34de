# expect: exit=1 stderr-last="IndentationError: expected an indented block after function definition on line 2"
def f():
return 1
