# expect: exit=1 stderr-last="SyntaxError: expected one or more exception types"
try:
    pass
except*:
    pass
