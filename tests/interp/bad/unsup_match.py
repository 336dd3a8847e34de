# expect: exit=1 stderr-last="SyntaxError: LoopLab does not support 'match' statements (line 3)"
x = 1
match x:
    case 1:
        print("one")
