# importlib.import_module: built-in modules (never in MicroPython's sys.modules), dotted names of
# packages, the compat modules, relative names with a package, errors.
import importlib
import sys

js = importlib.import_module("json")
print(js.dumps([1, "a"]), js.loads("[2]"))
st = importlib.import_module("struct")
print(st.pack("<H", 258))
p = importlib.import_module("os.path")
print(p.join("a", "b"), p is importlib.import_module("os").path)
c = importlib.import_module("collections")
print(c.deque([1, 2], maxlen=1))
ft = importlib.import_module("functools")
print(ft.reduce(lambda a, b: a + b, [1, 2, 3]))
print(importlib.import_module("json") is js, "json" in sys.modules or True)
try:
    importlib.import_module("no_such_module_zz")
except ImportError as e:
    print("ImportError", type(e).__name__ in ("ImportError", "ModuleNotFoundError"))
try:
    importlib.import_module(".x")
except TypeError as e:
    print("TypeError", e)
