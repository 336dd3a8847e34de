# expect: exit=1 stderr-last="ZeroDivisionError: integer division or modulo by zero"
print(1 // 0)
