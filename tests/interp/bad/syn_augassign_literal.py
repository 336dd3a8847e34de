# expect: exit=1 stderr-last="SyntaxError: 'literal' is an illegal expression for augmented assignment"
"a" += 1
