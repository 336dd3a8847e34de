# expect: exit=4 stderr-contains="runaway" stderr-contains="line 4"
# known-gap: module-level `while True: pass` hangs (killed after 20 s) instead of the runaway stop, exit 4
while True:
    pass
