# greenify compat: importlib.import_module for MicroPython (which has only __import__).
# On CPython (host runs of an output) the real importlib is normally loaded already at startup;
# if this file is reached anyway, it hands over to the real module.
import sys

if sys.implementation.name == "micropython":

    def import_module(name, package=None):
        # CPython's rules: a leading dot is relative to `package`; the module itself (not
        # the top package __import__ returns) is the result.
        if name.startswith("."):
            if not package:
                raise TypeError("the 'package' argument is required to perform a relative import for " + repr(name))
            level = len(name) - len(name.lstrip("."))
            base = package.split(".")
            if level > len(base):
                raise ImportError("attempted relative import beyond top-level package")
            stem = ".".join(base[: len(base) - level + 1])
            name = stem + "." + name[level:] if name[level:] else stem
        top = __import__(name)
        mod = sys.modules.get(name)
        if mod is None:
            # Built-in modules (json, struct...) never enter MicroPython's sys.modules: walk
            # down from the top package __import__ returned.
            mod = top
            for part in name.split(".")[1:]:
                mod = getattr(mod, part)
        return mod

    def invalidate_caches():
        pass

    def reload(module):
        # MicroPython keeps no loader: drop the module and import it again by name.
        name = module.__name__
        del sys.modules[name]
        return import_module(name)

else:
    import os

    _here = os.path.dirname(os.path.abspath(__file__))
    _saved = sys.path[:]
    del sys.modules["importlib"]
    sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.getcwd()) != _here]
    try:
        import importlib as _real
    finally:
        sys.path[:] = _saved
    sys.modules["importlib"] = _real
