# greenify: host
"""CPython only (host testing): load the real stdlib `threading`/`queue`/`asyncio` first.

OUT holds shims named threading.py and queue.py.  asyncio and the rest of the stdlib must
keep the real modules while user code gets greenify's, so before anything else imports
them we import the real ones with OUT hidden from sys.path, keep them in `real`, and then
let the shims put greenify's modules into sys.modules (CPython's import returns whatever
sys.modules holds once the module ran).  Never imported on MicroPython.
"""
import os
import sys

real = {}
_OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _is_out(p):
    return os.path.abspath(p or os.getcwd()) == _OUT


def ensure_real():
    if real:
        return
    saved = sys.path[:]
    pending = {}  # shims being executed right now, whose import started this
    for n in ("threading", "queue"):
        m = sys.modules.get(n)
        if m is not None and _is_out(os.path.dirname(getattr(m, "__file__", "") or "")):
            pending[n] = sys.modules.pop(n)
    sys.path[:] = [p for p in sys.path if not _is_out(p)]
    try:
        import threading
        import queue
        import asyncio  # noqa: F401 - binds the real threading inside asyncio
    finally:
        sys.path[:] = saved
    real["threading"] = threading
    real["queue"] = queue
    _program_threads_in_logging()
    if os.path.exists(os.path.join(_OUT, "concurrent", "futures.py")):
        # asyncio imported the real concurrent.futures and keeps it; the program gets OUT's
        # compat one (green workers), whose import finds the package again.
        for n in [n for n in sys.modules if n == "concurrent" or n.startswith("concurrent.")]:
            del sys.modules[n]
    for n in ("threading", "queue"):
        if n in pending:
            sys.modules[n] = pending[n]
        else:
            # Let the next `import threading` find the shim.
            sys.modules.pop(n, None)


def install(name):
    """Called by shim `name`: make `import name` return greenify's module."""
    ensure_real()
    mod = __import__("greenify." + name)
    mod = sys.modules["greenify." + name]
    sys.modules[name] = mod
    return mod


class _ProgramThreads:
    """What the stdlib's `logging` sees as `threading` on a host run.

    asyncio imports the real `logging` (so a program's `import logging` gets it too), and its
    records take `threading.current_thread()` from the real threading, which knows no green
    thread: `%(threadName)s` would be MainThread everywhere.  This asks the program's
    `threading` (greenify's, in sys.modules) for the current thread; locks and the rest stay real.
    """

    def __init__(self, real):
        self._real = real

    def __getattr__(self, name):
        return getattr(self._real, name)

    def current_thread(self):
        return sys.modules.get("threading", self._real).current_thread()

    def get_ident(self):
        return sys.modules.get("threading", self._real).get_ident()


def _program_threads_in_logging():
    import logging

    if not isinstance(logging.threading, _ProgramThreads):
        logging.threading = _ProgramThreads(logging.threading)
    # The host kernel's asyncio loop logs "Using selector" at DEBUG when it is made: keep it out
    # of a program's DEBUG log (a device prints no such line).
    logging.getLogger("asyncio").setLevel(logging.INFO)
    # OUT/logging/handlers.py (greenify's, shipped when the program imports logging.handlers)
    # is found first: its QueueListener runs on green threads (CPython's blocks in get()).
    mine = os.path.join(_OUT, "logging")
    if os.path.exists(os.path.join(mine, "handlers.py")) and mine not in logging.__path__:
        logging.__path__.insert(0, mine)
