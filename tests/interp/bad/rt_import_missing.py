# expect: exit=1 stderr-last="ModuleNotFoundError: No module named 'no_such_module_xyz'"
import no_such_module_xyz
