# expect: exit=1 stderr-last="ModuleNotFoundError: LoopLab does not support the 'multiprocessing' module yet: threads, processes and web frameworks come in a later version (SPEC 3)"
import multiprocessing
print("x")
