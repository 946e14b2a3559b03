# greenify shim: `import threading` resolves to greenify's threading (both backends).
# MicroPython: copy the runtime module's names here (the importer keeps this module).
# CPython (host testing): load the real stdlib modules first, then replace this module.
from greenify._plat import MPY

if MPY:
    import greenify.threading as _m

    for _k, _v in _m.__dict__.items():
        if _k not in ("__name__", "__file__"):
            globals()[_k] = _v
    del _m, _k, _v
else:
    from greenify import _host

    _host.install("threading")
del MPY
