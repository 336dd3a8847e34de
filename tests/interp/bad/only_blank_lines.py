# expect: exit=0


   

