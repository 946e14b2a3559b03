# CPython stand-in for MicroPython's `usocket`, so the agent tree (and the unmodified umqtt/simple.py,
# which does `import usocket as socket`) runs on CPython. MicroPython never loads this file: its
# built-in usocket takes precedence over a .py of the same name.
# MicroPython sockets are streams: read(n) returns n bytes unless EOF comes first, write(buf[, n])
# writes everything; a non-blocking read/write with nothing to do returns None.
from socket import *  # noqa: F401,F403
import socket as _socket


class socket(_socket.socket):
    def read(self, n=-1):
        parts = []
        got = 0
        while n is None or n < 0 or got < n:
            try:
                chunk = _socket.socket.recv(self, 4096 if n is None or n < 0 else n - got)
            except BlockingIOError:
                if parts:
                    break
                return None
            if not chunk:
                break
            parts.append(chunk)
            got += len(chunk)
        return b"".join(parts)

    def readinto(self, buf, n=-1):
        data = self.read(len(buf) if n is None or n < 0 else n)
        if data is None:
            return None
        buf[: len(data)] = data
        return len(data)

    def readline(self):
        line = b""
        while not line.endswith(b"\n"):
            c = self.read(1)
            if not c:
                break
            line += c
        return line

    def write(self, buf, n=None):
        if isinstance(buf, str):
            buf = buf.encode()
        mv = memoryview(buf)
        if n is not None:
            mv = mv[:n]
        try:
            _socket.socket.sendall(self, mv)
        except BlockingIOError:
            return None
        return len(mv)
