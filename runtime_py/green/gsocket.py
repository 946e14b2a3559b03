# greenify: when gsocket, gselect
# greenify green I/O: a cooperative socket for greenified code.
#
# The rewriter replaces the callee of `socket.socket(...)` (any import form, usocket too) with
# `__gy.gsocket.socket(...)` and awaits the blocking methods of socket-kind receivers. The wrapper
# keeps the real socket non-blocking; a blocking method tries the operation and, when it would block,
# parks only the calling green thread until the socket is ready (MicroPython: asyncio's IOQueue;
# CPython: the running asyncio loop's add_reader/add_writer), then retries.
#
# Blocking methods are `async def` and always return an awaitable (also in non-blocking mode, where
# it completes without suspending). Everything else is a plain pass-through.
# Timeouts follow settimeout/setblocking: MicroPython raises OSError(ETIMEDOUT) like its own sockets,
# CPython raises socket.timeout (TimeoutError on 3.10+).

import errno as _errno
from greenify._plat import MPY

if MPY:
    try:
        import socket as _so
        import select as _sel
    except ImportError:  # firmware older than the u-less module names
        import usocket as _so
        import uselect as _sel
    from time import ticks_ms as _ticks, ticks_diff as _tdiff, ticks_add as _tadd
    from asyncio import core as _core
    from asyncio import sleep as _sleep
else:
    import socket as _so
    import select as _sel
    import time as _time
    import asyncio as _aio

    _sleep = _aio.sleep

_EAGAIN = (_errno.EAGAIN, getattr(_errno, "EWOULDBLOCK", _errno.EAGAIN))
_EINPROGRESS = (_errno.EINPROGRESS, _errno.EALREADY, _errno.EAGAIN)
_EISCONN = getattr(_errno, "EISCONN", 106)
_ETIMEDOUT = _errno.ETIMEDOUT

# ---------------------------------------------------------------------------------------------
# Waiting for readiness. wait(raw, write, deadline) returns an awaitable that completes when `raw`
# is readable (write=False) or writable (write=True), or raises the timeout error at `deadline`
# (None: no deadline). wait_any(pairs, deadline) waits for the first of several (raw, write)
# pairs and returns that pair, or None at the deadline (no exception): select/poll use it.

if MPY:
    _W = 2 if hasattr(_core.IOQueue, "queue_pri") else 1  # slot of the writer in IOQueue.map
    _POLLIN = _sel.POLLIN
    _POLLOUT = _sel.POLLOUT

    def _now():
        return _ticks()

    def _deadline(timeout):
        # timeout in seconds (float) -> ticks deadline
        return _tadd(_ticks(), int(timeout * 1000))

    def _remaining_ms(deadline):
        return max(0, _tdiff(deadline, _ticks()))

    class _Direct:
        # One reusable awaitable for an untimed wait of the running task on one socket: registers
        # the task with asyncio's IOQueue on first step, finishes on the step after the wake-up.
        # Like asyncio's sleep singleton, nothing is allocated per wait.
        def __init__(self):
            self.raw = None
            self.write = False
            self.exc = StopIteration()

        def arm(self, raw, write):
            self.raw = raw
            self.write = write
            return self

        def __iter__(self):
            return self

        def __next__(self):
            raw = self.raw
            if raw is not None:
                self.raw = None
                io = _core._io_queue
                if self.write:
                    io.queue_write(raw)
                else:
                    io.queue_read(raw)
                return None
            self.exc.__traceback__ = None
            raise self.exc

    _direct = _Direct()

    class _Waiter:
        def __init__(self, task, timed):
            self.task = task
            self.timed = timed
            self.fired = None

        def fire(self, pair):
            if self.fired is None:
                self.fired = pair
                q = _core._task_queue
                if self.timed:
                    q.remove(self.task)
                q.push(self.task)

    def _helper(w, pair):
        # Body of a helper task that sits in IOQueue.map for one (socket, direction); the IOQueue
        # pushes it when ready and it wakes the waiting task once (several sockets may be ready in
        # the same poll: the waiting task itself must only be pushed once).
        while True:
            w.fire(pair)
            yield

    def _mask(sm):
        m = 0
        if sm[0] is not None:
            m |= _POLLIN
        if sm[_W] is not None:
            m |= _POLLOUT
        if _W == 2 and sm[1] is not None:
            m |= _sel.POLLPRI
        return m

    def _register(raw, idx, task):
        io = _core._io_queue
        sm = io.map.get(id(raw))
        if sm is None:
            sm = [None] * (_W + 1) + [raw]
            sm[idx] = task
            io.map[id(raw)] = sm
            io.poller.register(raw, _mask(sm))
        else:
            if sm[idx] is not None:
                raise RuntimeError("greenify: two threads wait for the same socket direction")
            sm[idx] = task
            io.poller.modify(raw, _mask(sm))

    def _unregister(raw, idx, task):
        io = _core._io_queue
        sm = io.map.get(id(raw))
        if sm is not None and sm[idx] is task:
            sm[idx] = None
            if _mask(sm):
                io.poller.modify(raw, _mask(sm))
            else:
                io._dequeue(raw)

    def _wait_gen(pairs, deadline, raise_timeout):
        task = _core.cur_task
        w = _Waiter(task, deadline is not None)
        regs = []
        try:
            for pair in pairs:
                raw, write = pair
                idx = _W if write else 0
                h = _core.Task(_helper(w, pair), _core.__dict__)
                _register(raw, idx, h)
                regs.append((raw, idx, h))
            if deadline is not None:
                _core._task_queue.push(task, deadline)
            yield
        finally:
            for raw, idx, h in regs:
                _unregister(raw, idx, h)
            fired = w.fired
            w.fired = False  # a helper that runs late must not wake this task again
        if fired is None and raise_timeout:
            # socket.timeout where the compat `socket` module is loaded, as CPython raises
            t = getattr(_so, "timeout", None)
            raise t("timed out") if t is not None else OSError(_ETIMEDOUT)
        return fired

    def wait(raw, write, deadline):
        if deadline is None:
            return _direct.arm(raw, write)
        return _wait_gen(((raw, write),), deadline, True)

    def wait_any(pairs, deadline):
        return _wait_gen(pairs, deadline, False)

    def _wake_all(raw):
        # The socket is being closed: wake every task waiting on it (they retry and get EBADF)
        io = _core._io_queue
        sm = io.map.get(id(raw))
        if sm is not None:
            io._dequeue(raw)
            for i in range(_W + 1):
                if sm[i] is not None:
                    _core._task_queue.push(sm[i])

    def waiting():
        # number of sockets some task waits on (the runtime's deadlock detector may consult this)
        return len(_core._io_queue.map)

else:
    _cp_waits = {}  # fd -> set of futures waiting on it (woken by close)

    def _now():
        return _time.monotonic()

    def _deadline(timeout):
        return _time.monotonic() + timeout

    def _set(fut, pair):
        if not fut.done():
            fut.set_result(pair)

    async def _cp_wait(pairs, deadline, raise_timeout):
        loop = _aio.get_running_loop()
        fut = loop.create_future()
        added = []
        try:
            for pair in pairs:
                raw, write = pair
                fd = raw if isinstance(raw, int) else raw.fileno()
                if fd < 0:
                    raise OSError(_errno.EBADF, "Bad file descriptor")
                (loop.add_writer if write else loop.add_reader)(fd, _set, fut, pair)
                added.append((fd, write))
                _cp_waits.setdefault(fd, set()).add(fut)
            if deadline is None:
                return await fut
            try:
                return await _aio.wait_for(fut, max(0.0, deadline - _time.monotonic()))
            except _aio.TimeoutError:
                if raise_timeout:
                    raise _so.timeout("timed out") from None
                return None
        finally:
            for fd, write in added:
                (loop.remove_writer if write else loop.remove_reader)(fd)
                s = _cp_waits.get(fd)
                if s is not None:
                    s.discard(fut)
                    if not s:
                        del _cp_waits[fd]

    def wait(raw, write, deadline):
        return _cp_wait(((raw, write),), deadline, True)

    def wait_any(pairs, deadline):
        return _cp_wait(pairs, deadline, False)

    def _wake_all(raw):
        try:
            fd = raw.fileno()
        except OSError:
            return
        for fut in list(_cp_waits.pop(fd, ())):
            if not fut.done():
                fut.set_result(None)
        if fd >= 0:
            try:
                loop = _aio.get_running_loop()
            except RuntimeError:
                return
            loop.remove_reader(fd)
            loop.remove_writer(fd)

    def waiting():
        return len(_cp_waits)


def _again(e):
    return getattr(e, "errno", None) in _EAGAIN


# ---------------------------------------------------------------------------------------------

class socket:
    """A socket whose blocking methods suspend only the calling green thread."""

    def __init__(self, *args, **kw):
        s = kw.pop("_sock", None)
        if s is None:
            s = _so.socket(*args, **kw)
        self._sock = s
        # what waits register: the native socket, also under the compat `socket` class (which
        # takes CPython's (host, port) addresses and keeps its native socket as `_sock`)
        self._raw = getattr(s, "_sock", s)
        self._timeout = None  # None: blocking, 0: non-blocking, >0: seconds
        s.setblocking(False)

    # -- the MicroPython/CPython socket API ---------------------------------------------------
    def settimeout(self, value):
        if value is not None:
            if value < 0:
                raise ValueError("Timeout value out of range")
            value = float(value)
        self._timeout = value

    def gettimeout(self):
        return self._timeout

    def setblocking(self, flag):
        self._timeout = None if flag else 0.0

    def getblocking(self):
        return self._timeout != 0

    def fileno(self):
        return self._sock.fileno()

    def close(self):
        _wake_all(self._raw)
        self._sock.close()

    def makefile(self, *args, **kw):
        # MicroPython returns the socket itself: it already has read/write/readline
        return self

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __getattr__(self, name):
        # bind, listen, setsockopt, getsockopt, getsockname, getpeername, shutdown, family...
        return getattr(self._sock, name)

    def __repr__(self):
        return "<greenify socket %r>" % (self._sock,)

    def _dl(self):
        t = self._timeout
        if t is None or t == 0:
            return None
        return _deadline(t)

    # -- blocking methods (awaited by rewritten code) ----------------------------------------
    async def connect(self, address):
        s = self._sock
        try:
            s.connect(address)
            return None
        except OSError as e:
            if getattr(e, "errno", None) not in _EINPROGRESS or self._timeout == 0:
                raise
        await wait(self._raw, True, self._dl())
        if not MPY:
            err = s.getsockopt(_so.SOL_SOCKET, _so.SO_ERROR)
            if err:
                raise OSError(err, _errno_msg(err))
            return None
        try:
            s.connect(address)  # reports the outcome of the pending connect
        except OSError as e:
            if e.errno != _EISCONN:
                raise
        return None

    async def accept(self):
        dl = self._dl()
        while True:
            try:
                conn, addr = self._sock.accept()
                break
            except OSError as e:
                if self._timeout == 0 or not _again(e):
                    raise
            await wait(self._raw, False, dl)
        return socket(_sock=conn), addr

    async def recv(self, *args):
        dl = self._dl()
        while True:
            try:
                return self._sock.recv(*args)
            except OSError as e:
                if self._timeout == 0 or not _again(e):
                    raise
            await wait(self._raw, False, dl)

    async def recvfrom(self, *args):
        dl = self._dl()
        while True:
            try:
                return self._sock.recvfrom(*args)
            except OSError as e:
                if self._timeout == 0 or not _again(e):
                    raise
            await wait(self._raw, False, dl)

    async def recv_into(self, buf, nbytes=0, *flags):
        dl = self._dl()
        s = self._sock
        while True:
            try:
                if hasattr(s, "recv_into"):
                    return s.recv_into(buf, nbytes, *flags)
                n = s.readinto(memoryview(buf)[:nbytes] if nbytes else buf)
                if n is not None:
                    return n
                if self._timeout == 0:
                    raise OSError(_errno.EAGAIN)
            except OSError as e:
                if self._timeout == 0 or not _again(e):
                    raise
            await wait(self._raw, False, dl)

    async def send(self, data, *args):
        dl = self._dl()
        while True:
            try:
                return self._sock.send(data, *args)
            except OSError as e:
                if self._timeout == 0 or not _again(e):
                    raise
            await wait(self._raw, True, dl)

    async def sendto(self, data, *args):
        dl = self._dl()
        while True:
            try:
                return self._sock.sendto(data, *args)
            except OSError as e:
                if self._timeout == 0 or not _again(e):
                    raise
            await wait(self._raw, True, dl)

    async def sendall(self, data, *args):
        if isinstance(data, str):
            data = data.encode()
        await self._send_all(memoryview(data), self._dl(), args)
        return None

    async def _send_all(self, mv, dl, args):
        # returns the number of bytes sent; in non-blocking mode stops at the first EAGAIN
        s = self._sock
        sent = 0
        n = len(mv)
        while sent < n:
            try:
                k = s.send(mv[sent:], *args)
                if k:
                    sent += k
                    continue
            except OSError as e:
                if not _again(e) or (self._timeout == 0 and sent == 0):
                    raise
            if self._timeout == 0:
                return sent
            await wait(self._raw, True, dl)
        return sent

    async def write(self, buf, *args):
        # MicroPython stream semantics: write(buf), write(buf, max_len), write(buf, off, max_len);
        # a blocking socket writes everything; a non-blocking one returns None if nothing fitted
        if isinstance(buf, str):
            buf = buf.encode()
        mv = memoryview(buf)
        if len(args) == 1:
            mv = mv[: args[0]]
        elif len(args) == 2:
            mv = mv[args[0] : args[0] + args[1]]
        try:
            return await self._send_all(mv, self._dl(), ())
        except OSError as e:
            if self._timeout == 0 and _again(e):
                return None
            raise

    async def read(self, n=-1):
        # MicroPython stream semantics: read(n) returns n bytes unless EOF comes first; read()
        # reads to EOF; non-blocking: what is available, None if nothing is
        s = self._sock
        dl = self._dl()
        if n is not None and n >= 0:
            try:
                first = s.recv(n) if n else b""
                if len(first) == n or not first:
                    return first
            except OSError as e:
                if not _again(e):
                    raise
                first = b""
            want = n
        else:
            first = b""
            want = -1
        parts = [first] if first else []
        got = len(first)
        while want < 0 or got < want:
            try:
                chunk = s.recv(want - got if want >= 0 else 1024)
                if not chunk:
                    break
                parts.append(chunk)
                got += len(chunk)
                continue
            except OSError as e:
                if not _again(e):
                    raise
            if self._timeout == 0:
                if not parts:
                    return None
                break
            await wait(self._raw, False, dl)
        return b"".join(parts)

    async def readinto(self, buf, nbytes=-1):
        mv = memoryview(buf)
        if nbytes is not None and nbytes >= 0:
            mv = mv[:nbytes]
        s = self._sock
        dl = self._dl()
        got = 0
        n = len(mv)
        while got < n:
            try:
                chunk = s.recv(n - got)
                if not chunk:
                    break
                mv[got : got + len(chunk)] = chunk
                got += len(chunk)
                continue
            except OSError as e:
                if not _again(e):
                    raise
            if self._timeout == 0:
                return got if got else None
            await wait(self._raw, False, dl)
        return got

    async def readline(self, limit=-1):
        s = self._sock
        dl = self._dl()
        line = bytearray()
        while limit < 0 or len(line) < limit:
            try:
                c = s.recv(1)
                if not c:
                    break
                line += c
                if c == b"\n":
                    break
                continue
            except OSError as e:
                if not _again(e):
                    raise
            if self._timeout == 0:
                if not line:
                    return None
                break
            await wait(self._raw, False, dl)
        return bytes(line)


def _errno_msg(err):
    if MPY:
        return _errno.errorcode.get(err, str(err))
    import os

    return os.strerror(err)


# module-level names that rewritten code may reach through the alias
getaddrinfo = _so.getaddrinfo

_DEFAULT = object()


async def create_connection(address, timeout=_DEFAULT, source_address=None, *args, **kw):
    """socket.create_connection (CPython API; MicroPython has none) returning a green socket."""
    host, port = address[0], address[1]
    err = None
    for res in _so.getaddrinfo(host, port, 0, _so.SOCK_STREAM):
        af, kind, proto, sa = res[0], res[1], res[2], res[-1]
        s = socket(af, kind, proto)
        try:
            if timeout is not _DEFAULT:
                s.settimeout(timeout)
            if source_address:
                s.bind(source_address)
            await s.connect(sa)
            return s
        except OSError as e:
            err = e
            s.close()
    if err is None:
        err = OSError("getaddrinfo returns an empty list")
    raise err


def __getattr__(name):  # constants: AF_INET, SOCK_STREAM, SOL_SOCKET... (CPython)
    return getattr(_so, name)
