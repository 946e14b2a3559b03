"""greenify runtime, green backend: what rewritten code calls through `import greenify as __gy`.

run(aw)        a blocking call at module top level: run the scheduler until aw completes
sleep(s), sleep_ms(ms), sleep_us(us)   awaitable replacements of time.sleep & co.
maybe(x)       await x if it is awaitable, else just x (call sites mixing colors)
exit()         end of the entry script: wait for non-daemon threads, as CPython does
"""
import sys

if sys.implementation.name != "micropython":
    from greenify import _host

    _host.ensure_real()  # before asyncio is imported: it must bind the real threading

import asyncio
from greenify import _kernel as K


def run(aw):
    if not K.awaitable(aw):
        return aw
    return K.run_task(_wrap(aw))


async def _wrap(aw):
    return await aw


def _check(t):
    if t < 0:
        raise ValueError("sleep length must be non-negative")


if K.MPY:

    def sleep_ms(ms):
        _check(ms)
        # +1: ticks_ms() is truncated; a sleep must never end early.
        return asyncio.sleep_ms(int(ms) + 1 if ms > 0 else 0)

    def sleep(s):
        return sleep_ms(s * 1000)

else:

    def sleep(s):
        _check(s)
        return asyncio.sleep(s)

    def sleep_ms(ms):
        return sleep(ms / 1000)


def sleep_us(us):
    return sleep_ms(us / 1000)


class _Value:
    # maybe() of a plain value (allocates: mixed-color call sites are rare).
    def __init__(self, v):
        self.v = v

    def __iter__(self):
        return self

    __await__ = __iter__

    def __next__(self):
        raise StopIteration(self.v)


def maybe(x):
    return x if K.awaitable(x) else _Value(x)


def exit():
    th = sys.modules.get("greenify.threading")
    if th is not None:
        th._shutdown()
