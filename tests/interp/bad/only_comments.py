# expect: exit=0
# nothing here
# at all
