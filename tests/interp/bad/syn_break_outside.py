# expect: exit=1 stderr-last="SyntaxError: 'break' outside loop"
x = 1
break
