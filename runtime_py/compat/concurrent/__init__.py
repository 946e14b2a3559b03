# greenify compat: the `concurrent` package (only `concurrent.futures` is in it). Also on CPython
# (green output run on the host): the standard library's pool would run its workers as real
# threads against greenify's green primitives, so user code gets this package there too, while
# asyncio keeps the real one it imported first (greenify/_host.py).
import sys

if sys.implementation.name != "micropython" and "asyncio" not in sys.modules:
    # The program imports this before greenify's runtime: load the runtime now (it imports the
    # real asyncio, which imports the real concurrent.futures), this package put aside meanwhile.
    _me = sys.modules.pop(__name__)
    try:
        import greenify  # noqa: F401
    finally:
        sys.modules[__name__] = _me
    del _me
del sys
