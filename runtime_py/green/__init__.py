"""greenify runtime, green backend: what rewritten code calls through `import greenify as __gy`.

run(aw)        a blocking call at module top level: run the scheduler until aw completes
sleep(s), sleep_ms(ms), sleep_us(us)   awaitable replacements of time.sleep & co.
maybe(x)       await x if it is awaitable, else just x (call sites mixing colors)  [_conv]
new(C)         a factory building a C whose __init__ is converted: `await __gy.new(C)(args)`  [_conv]
exit()         end of the entry script: wait for non-daemon threads, as CPython does
tick(where), yield_()   the starvation guard on loops that never wait (greenify._guard)
configure(slice_ms, stall_ms)   the guard's time slice and stall-report threshold
gsocket, gselect   green sockets and select/poll (loaded on first use)
"""
import sys
from greenify._plat import MPY

# The kernel: greenify._kernel on MicroPython, greenify._hostkernel on CPython (host
# testing).  Binding the package attribute `_kernel` here makes every later
# `from greenify import _kernel` get the one for this platform; the other is never loaded.
if MPY:
    from greenify import _kernel
else:
    from greenify import _host

    _host.ensure_real()  # before asyncio is imported: it must bind the real threading
    from greenify import _hostkernel as _kernel

import asyncio

K = _kernel


def run(aw):
    # A result known at once is returned without running the scheduler (no other thread
    # could then reuse the shared VALUE before it is read).
    if aw is K.VALUE:
        v = aw.v
        aw.v = None
        return v
    if isinstance(aw, K.Done):
        return aw.v
    if not K.awaitable(aw):
        return aw
    if MPY and type(aw) is _SG:
        # A sleep at top level: asyncio.sleep_ms's generator is one shared object, and other
        # threads run (and sleep) before the main thread's task gets to await it: take its
        # deadline now and sleep again inside the task.
        until = aw.state
        aw.state = None
        return K.run_task(_sleep_until(until))
    return K.run_task(_wrap(aw))


async def _wrap(aw):
    return await aw


def _check(t):
    if t < 0:
        raise ValueError("sleep length must be non-negative")


if MPY:
    from time import ticks_ms, ticks_diff

    _sleep_ms = asyncio.sleep_ms  # a reusable singleton: no allocation per sleep
    _SG = asyncio.core.SingletonGenerator

    async def _sleep_until(t):
        if t is not None:
            await _sleep_ms(max(0, ticks_diff(t, ticks_ms())))

    # A sleeping thread waits: the guard's slice passes to the next thread (K.sw).
    def sleep_ms(ms):
        # +1: ticks_ms() is truncated; a sleep must never end early.
        K.sw = True
        if ms > 0:
            return _sleep_ms(int(ms) + 1)
        _check(ms)
        return _sleep_ms(0)

    def sleep(s):
        K.sw = True
        if s > 0:
            return _sleep_ms(int(s * 1000) + 1)
        _check(s)
        return _sleep_ms(0)

    def yield_():
        # The guard's yield: back on the run queue behind every ready thread.
        return _sleep_ms(0)

else:

    def sleep(s):
        _check(s)
        K.sw = True
        return asyncio.sleep(s)

    def yield_():
        return asyncio.sleep(0)

    def sleep_ms(ms):
        return sleep(ms / 1000)


def sleep_us(us):
    return sleep_ms(us / 1000)


def __getattr__(name):
    # Lazy submodules: `__gy.gsocket.socket(...)` loads greenify.gsocket on first use, so
    # programs without sockets never load it.  MicroPython also asks here for
    # `from greenify import _shared` before that submodule is loaded: import any name.
    # maybe() and new() (mixed-color call sites, converted constructors) live in _conv.
    if name[:2] == "__":
        raise AttributeError(name)
    if name == "maybe" or name == "new":
        from greenify import _conv

        v = globals()[name] = getattr(_conv, name)
        return v
    if name == "tick" or name == "configure":
        # The guard loads on first use and its functions become attributes of the package
        # (the hot path is then one attribute lookup).
        from greenify import _guard

        v = globals()[name] = getattr(_guard, name)
        return v
    try:
        __import__("greenify." + name)
    except ImportError:
        raise AttributeError(name)
    return sys.modules["greenify." + name]


def exit():
    th = sys.modules.get("greenify.threading")
    if th is not None:
        th._shutdown()
