# greenify: when gselect
# greenify: needs gsocket
# greenify green I/O: cooperative select.select and select.poll for greenified code.
#
# The rewriter replaces the callee of `select.select(...)` / `select.poll()` (uselect too) with
# `__gy.gselect.select(...)` / `__gy.gselect.poll()` and awaits `select(...)` and the poll object's
# `poll(...)` / `ipoll(...)`. Readiness is checked without blocking first; if nothing is ready the
# calling green thread parks until one of the objects is ready or the timeout passes.
# Objects may be greenify sockets (unwrapped here), native sockets/streams, or (CPython) file
# descriptors / objects with fileno(). Exceptional conditions (select's xlist, POLLPRI) are reported
# when present at a check but not waited for.

from greenify._plat import MPY
from . import gsocket as _gs

_sel = _gs._sel

POLLIN = _sel.POLLIN
POLLOUT = _sel.POLLOUT
POLLERR = _sel.POLLERR
POLLHUP = _sel.POLLHUP
if hasattr(_sel, "POLLPRI"):
    POLLPRI = _sel.POLLPRI
if hasattr(_sel, "POLLNVAL"):
    POLLNVAL = _sel.POLLNVAL
error = OSError


def _raw(obj):
    s = getattr(obj, "_sock", None)
    if s is not None and isinstance(obj, _gs.socket):
        return s
    return obj


def _key(raw):
    # what the native poll reports back: MicroPython the object, CPython the file descriptor
    if MPY:
        return id(raw)
    return raw if isinstance(raw, int) else raw.fileno()


class poll:
    """select.poll() whose poll()/ipoll() suspend only the calling green thread."""

    def __init__(self):
        self._p = _sel.poll()
        self._reg = {}  # key -> [original object, raw object, eventmask]

    def register(self, obj, eventmask=None):
        if eventmask is None:
            eventmask = POLLIN | POLLOUT
        raw = _raw(obj)
        self._p.register(raw, eventmask)
        self._reg[_key(raw)] = [obj, raw, eventmask]

    def modify(self, obj, eventmask):
        raw = _raw(obj)
        self._p.modify(raw, eventmask)
        self._reg[_key(raw)][2] = eventmask

    def unregister(self, obj):
        raw = _raw(obj)
        self._p.unregister(raw)
        self._reg.pop(_key(raw), None)

    def _check(self):
        res = self._p.poll(0)
        if MPY and res:
            # report the registered object (a greenify socket), as MicroPython reports the object
            out = []
            for ent in res:
                r = self._reg.get(id(ent[0]))
                out.append((r[0] if r else ent[0], ent[1]))
            return out
        return res

    async def poll(self, timeout=-1):
        # timeout in milliseconds; None or negative: wait forever
        res = self._check()
        if res or timeout == 0 or not self._reg:
            if not res and timeout not in (0, None) and timeout > 0 and not self._reg:
                await _gs._sleep(timeout / 1000)
            return res
        deadline = None if timeout is None or timeout < 0 else _gs._deadline(timeout / 1000)
        pairs = []
        for obj, raw, mask in self._reg.values():
            if mask & POLLIN:
                pairs.append((raw, False))
            if mask & POLLOUT:
                pairs.append((raw, True))
        while True:
            fired = await _gs.wait_any(pairs, deadline)
            res = self._check()
            if res or fired is None:
                return res

    async def ipoll(self, timeout=-1, flags=0):
        return await self.poll(timeout)


async def select(rlist, wlist, xlist, timeout=None):
    """select.select(rlist, wlist, xlist[, timeout]) -> (readable, writable, exceptional)."""
    rlist = list(rlist)
    wlist = list(wlist)
    xlist = list(xlist)
    if timeout is not None and timeout < 0:
        raise ValueError("timeout must be non-negative")

    def check():
        if not MPY:
            r, w, x = _sel.select(
                [_raw(o) for o in rlist], [_raw(o) for o in wlist], [_raw(o) for o in xlist], 0
            )
            r = set(map(id, r))
            w = set(map(id, w))
            x = set(map(id, x))
            return (
                [o for o in rlist if id(_raw(o)) in r],
                [o for o in wlist if id(_raw(o)) in w],
                [o for o in xlist if id(_raw(o)) in x],
            )
        p = _sel.poll()
        masks = {}
        objs = {}
        for lst, bit in ((rlist, POLLIN), (wlist, POLLOUT)):
            for o in lst:
                raw = _raw(o)
                masks[id(raw)] = masks.get(id(raw), 0) | bit
                objs[id(raw)] = raw
        for k in masks:
            p.register(objs[k], masks[k])
        ready = {}
        for ent in p.poll(0):
            ready[id(ent[0])] = ent[1]
        err = POLLERR | POLLHUP
        return (
            [o for o in rlist if ready.get(id(_raw(o)), 0) & (POLLIN | err)],
            [o for o in wlist if ready.get(id(_raw(o)), 0) & (POLLOUT | err)],
            [o for o in xlist if ready.get(id(_raw(o)), 0) & err],
        )

    res = check()
    if res[0] or res[1] or res[2] or timeout == 0:
        return res
    pairs = []
    seen = {}
    for lst, write in ((rlist, False), (wlist, True)):
        for o in lst:
            raw = _raw(o)
            if (id(raw), write) not in seen:
                seen[(id(raw), write)] = 1
                pairs.append((raw, write))
    deadline = None if timeout is None else _gs._deadline(timeout)
    if not pairs:
        if timeout is None:
            raise ValueError("select: nothing to wait for and no timeout")
        await _gs._sleep(timeout)
        return res
    while True:
        fired = await _gs.wait_any(pairs, deadline)
        res = check()
        if res[0] or res[1] or res[2] or fired is None:
            return res
