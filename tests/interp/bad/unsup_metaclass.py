# expect: exit=1 stderr-last="SyntaxError: LoopLab does not support class keywords or starred bases (metaclasses)"
class M(type):
    pass
class A(metaclass=M):
    pass
print(type(A).__name__)
