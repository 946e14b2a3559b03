# greenify shim: `import threading` resolves to greenify's threading (both backends).
# MicroPython: copy the runtime module's names here (the importer keeps this module).
# CPython (host testing): load the real stdlib modules first, then replace this module.
import sys

if sys.implementation.name == "micropython":
    import greenify.threading as _m

    for _k in dir(_m):
        if _k[:2] != "__":
            globals()[_k] = getattr(_m, _k)
    __all__ = _m.__all__
    del _m, _k
else:
    from greenify import _host

    _host.install("threading")
