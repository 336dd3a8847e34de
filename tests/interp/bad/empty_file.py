# expect: exit=0
