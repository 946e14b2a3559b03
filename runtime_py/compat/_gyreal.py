# greenify compat, CPython only (host runs of greenified output, where OUT is on sys.path and
# its compat files would hide the standard library): `real(name)`, called first thing by a
# compat module, imports the standard library's module with OUT left out of sys.path and puts
# it in sys.modules, which is what CPython's import hands back once the compat file has run.
# Never imported on MicroPython.
import os
import sys

_OUT = os.path.dirname(os.path.abspath(__file__))


def _is_out(p):
    return os.path.abspath(p or os.getcwd()) == _OUT


def real(name):
    mine = sys.modules.pop(name, None)
    saved = sys.path[:]
    sys.path[:] = [p for p in sys.path if not _is_out(p)]
    try:
        mod = __import__(name, None, None, ["*"])
    except BaseException:
        if mine is not None:
            sys.modules[name] = mine
        raise
    finally:
        sys.path[:] = saved
    sys.modules[name] = mod
    return mod
