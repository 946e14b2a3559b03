# greenify: when __gy.tick, greenify.configure
"""The starvation guard's run-time half: the time-slice check loops call on every iteration.

Green threads switch only where they wait.  The rewriter puts `__gy.tick('f.py:12') and await
__gy.yield_()` on loops that never wait (docs/REWRITER.md), so a busy-wait or a CPU-bound loop
gives the other threads a turn once the running one has had a time slice (SLICE ms).

tick() is the hot path: one clock read and one compare, nothing allocated.  There is one
deadline for the whole program, not one per thread: in cooperative scheduling only the running
thread can reach a tick, so the deadline belongs to whoever runs.  A thread that waited (the
kernel sets `_kernel.sw` when a thread parks or sleeps) passes its slice on: the next expired
check then starts a fresh slice for the thread now running instead of yielding at once.

A thread that held the CPU for STALL ms or more between two checks is reported on stderr once
per loop ("greenify: thread NAME held the CPU for N ms without yielding (loop at f.py:12)"),
so a user can find the code that starves a device.  Settings: GREENIFY_SLICE_MS and
GREENIFY_STALL_MS in the environment (ports with os.getenv), or greenify.configure().
"""
import sys
from greenify import _kernel as K
from greenify._plat import MPY

import asyncio

if MPY:
    from time import ticks_ms, ticks_diff, ticks_add

    _sleep_ms = asyncio.sleep_ms

    def yield_():
        # Back on the run queue behind every ready thread (a reusable singleton).
        return _sleep_ms(0)

else:

    def yield_():
        return asyncio.sleep(0)

    from time import monotonic

    def ticks_ms():
        return int(monotonic() * 1000)

    def ticks_diff(a, b):
        return a - b

    def ticks_add(a, b):
        return a + b


def _setting(name, default):
    try:
        from os import getenv
    except ImportError:  # bare-metal ports have no environment
        return default
    v = getenv(name)
    try:
        return int(v) if v else default
    except ValueError:
        return default


SLICE = _setting("GREENIFY_SLICE_MS", 5)  # ms a thread runs before a guarded loop yields
STALL = _setting("GREENIFY_STALL_MS", 500)  # ms without yielding that get reported (0: never)
_dl = ticks_add(ticks_ms(), SLICE)  # deadline of the running slice
_seen = None  # loops already reported


def tick(where):
    # Hot path: a guarded loop calls this on every iteration.
    if ticks_diff(ticks_ms(), _dl) < 0:
        return False
    return _expired(where)


def _expired(where):
    global _dl
    now = ticks_ms()
    held = ticks_diff(now, _dl) + SLICE
    _dl = ticks_add(now, SLICE)
    if K.sw:
        # Some thread waited since this slice began: the one running now starts its own.
        K.sw = False
        return False
    if STALL and held >= STALL:
        _stalled(held, where)
    return True


def _stalled(ms, where):
    global _seen
    if _seen is None:
        _seen = set()
    if where in _seen:
        return
    _seen.add(where)
    th = sys.modules.get("greenify.threading")
    name = th.current_thread().name if th is not None else "MainThread"
    print("greenify: thread %s held the CPU for %d ms without yielding (loop at %s)" % (name, ms, where),
          file=sys.stderr)


def configure(slice_ms=None, stall_ms=None):
    """Set the time slice and the stall-report threshold (ms; stall_ms=0 turns reports off)."""
    global SLICE, STALL, _dl
    if slice_ms is not None:
        if slice_ms < 0:
            raise ValueError("slice_ms must be >= 0")
        SLICE = int(slice_ms)
        _dl = ticks_add(ticks_ms(), SLICE)
    if stall_ms is not None:
        if stall_ms < 0:
            raise ValueError("stall_ms must be >= 0")
        STALL = int(stall_ms)
