"""greenify runtime package, thread backend: user code runs unchanged on `_thread`.

`exit()` waits for every non-daemon thread, as CPython does at interpreter exit.  The
runtime registers it with `sys.atexit` when the first thread starts (unix port); call it
yourself at the end of main.py on a board without `sys.atexit` if you need the wait.
"""

BACKEND = "thread"


def exit():
    from greenify.threading import _shutdown

    _shutdown()


def set_poll_interval(min_s=None, max_s=None):
    """Tune the back-off of timed waits (seconds); returns the (min, max) in use before.

    A timed wait re-checks after min_s, doubling up to max_s: max_s bounds how late a
    notify/release is noticed by a thread parked with a timeout, and sets its CPU use.
    """
    from greenify import _wait as w

    old = (w.POLL_MIN_US / 1e6, w.POLL_MAX_US / 1e6)
    if min_s is not None:
        w.POLL_MIN_US = max(1, int(min_s * 1e6))
    if max_s is not None:
        w.POLL_MAX_US = max(w.POLL_MIN_US, int(max_s * 1e6))
    return old
