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
        # `__gy.run(__gy.maybe(f()))` (a mixed call at top level) where f gave a plain value.
        c = sys.modules.get("greenify._conv")
        return aw.v if c is not None and type(aw) is c._Value else aw
    return K.run_task(_wrap(aw))


async def _wrap(aw):
    return await aw


def _check(t):
    if t < 0:
        raise ValueError("sleep length must be non-negative")


if MPY:
    _asleep = asyncio.sleep_ms  # a reusable singleton: no allocation per sleep
    # The main thread at top level (`__gy.run(__gy.sleep(s))`) sleeps on a generator of its
    # own: asyncio's shared one is re-armed by the threads that run before the main
    # thread's task awaits it, which ended its sleep early.
    _TOP = asyncio.core.SingletonGenerator()

    def _sleep_ms(ms):
        # A sleeping thread waits: the guard's slice passes to the next thread (K.sw).
        K.sw = True
        if K.core.cur_task is None:
            return _asleep(ms, _TOP)
        return _asleep(ms)

    def sleep_ms(ms):
        # +1: ticks_ms() is truncated; a sleep must never end early.
        if ms > 0:
            return _sleep_ms(int(ms) + 1)
        _check(ms)
        return _sleep_ms(0)

    def sleep(s):
        if s > 0:
            return _sleep_ms(int(s * 1000) + 1)
        _check(s)
        return _sleep_ms(0)

else:

    def sleep(s):
        _check(s)
        K.sw = True
        return asyncio.sleep(s)

    def sleep_ms(ms):
        return sleep(ms / 1000)


def sleep_us(us):
    return sleep_ms(us / 1000)


_LAZY = {"maybe": "_conv", "new": "_conv", "tick": "_guard", "yield_": "_guard", "configure": "_guard"}


def __getattr__(name):
    # Lazy submodules: `__gy.gsocket.socket(...)` loads greenify.gsocket on first use, so
    # programs without sockets never load it.  MicroPython also asks here for
    # `from greenify import _shared` before that submodule is loaded: import any name.
    # maybe() and new() (mixed-color call sites, converted constructors) live in _conv,
    # the starvation guard's tick(), yield_() and configure() in _guard.
    if name[:2] == "__":
        raise AttributeError(name)
    m = _LAZY.get(name)
    if m is not None:
        # Then an attribute of the package: the guard's tick() is one lookup per iteration.
        v = globals()[name] = getattr(__import__("greenify." + m, None, None, [name]), name)
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
