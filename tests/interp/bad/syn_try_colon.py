# expect: exit=1 stderr-last="SyntaxError: expected ':'"
try
    pass
except:
    pass
