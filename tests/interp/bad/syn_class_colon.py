# expect: exit=1 stderr-last="SyntaxError: expected ':'"
class A
    pass
