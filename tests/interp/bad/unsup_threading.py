# expect: exit=1 stderr-last="ModuleNotFoundError: LoopLab does not support the 'threading' module yet: threads, processes and web frameworks come in a later version (SPEC 3)"
import threading
print(threading.active_count())
