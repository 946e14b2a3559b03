# greenify: needs _gyreal, _gycompat
# greenify compat: CPython's `socket` surface on MicroPython, extending the builtin module.
#
# MicroPython's sockets take and give raw sockaddr bytes (`getaddrinfo(...)[0][-1]`), have no
# getsockname/getpeername, no `with`, no create_connection, and report a timeout as OSError
# EAGAIN/ETIMEDOUT. `socket` here is a small class around a native socket that takes CPython's
# (host, port) tuples, gives them back from accept/recvfrom/getsockname/getpeername, raises
# `socket.timeout` (TimeoutError) and CPython's OSError subclasses (ConnectionRefusedError...).
# It is an io.IOBase with ioctl, so select.poll takes it like a native socket. The green
# runtime's gsocket wraps this class and waits on the native socket underneath (`_sock`).
import sys

if sys.implementation.name != "micropython":  # a host run: the real module
    __import__("_gyreal").real(__name__)

_path = sys.path[:]
sys.path[:] = []  # an import with no path finds only the builtin module
try:
    import socket as _native
    from socket import *  # noqa: F401,F403 (every builtin name stays)
finally:
    sys.path[:] = _path
del _path

import errno as _errno
import io as _io

_c = __import__("_gycompat")

error = OSError
timeout = _c.TimeoutError


class herror(OSError):
    pass


class gaierror(OSError):
    pass


IPPROTO_IP = 0
IPPROTO_TCP = 6
IPPROTO_UDP = 17
TCP_NODELAY = 1
SO_REUSEPORT = 15
SOMAXCONN = 4096
SHUT_RD = 0
SHUT_WR = 1
SHUT_RDWR = 2
has_ipv6 = hasattr(_native, "AF_INET6")
_GLOBAL_DEFAULT_TIMEOUT = object()

def _e(name, linux):
    return getattr(_errno, name, linux)  # ports leave some names out; Linux numbers then


_ECONNREFUSED = _e("ECONNREFUSED", 111)
_ECONNRESET = _e("ECONNRESET", 104)
_EPIPE = _e("EPIPE", 32)
_ECONNABORTED = _e("ECONNABORTED", 103)
_EADDRINUSE = _e("EADDRINUSE", 98)
_ENOTCONN = _e("ENOTCONN", 107)
_ETIMEDOUT = _e("ETIMEDOUT", 110)

_BY_ERRNO = {
    _ECONNREFUSED: _c.ConnectionRefusedError,
    _ECONNRESET: _c.ConnectionResetError,
    _EPIPE: _c.BrokenPipeError,
    _ECONNABORTED: _c.ConnectionAbortedError,
    _ETIMEDOUT: _c.TimeoutError,
}
_EAGAIN = (_errno.EAGAIN, _e("EWOULDBLOCK", _errno.EAGAIN), _ETIMEDOUT)
_STRERROR = {
    _ECONNREFUSED: "Connection refused",
    _ECONNRESET: "Connection reset by peer",
    _EPIPE: "Broken pipe",
    _ECONNABORTED: "Software caused connection abort",
    _EADDRINUSE: "Address already in use",
}


def _raise(e, timed):
    # CPython's exception for a native OSError: a timeout when the socket has one, the
    # OSError subclass of its errno, else the error itself
    n = e.errno if hasattr(e, "errno") else (e.args[0] if e.args else None)
    if timed and n in _EAGAIN:
        raise timeout("timed out")
    cls = _BY_ERRNO.get(n)
    if cls is not None and cls is not OSError:
        raise cls(n, _STRERROR.get(n, "Connection error"))
    raise e


def _sockaddr(address, family=AF_INET, kind=SOCK_STREAM):
    # (host, port) -> the native sockaddr; anything else (already a sockaddr) as given
    if isinstance(address, tuple):
        host, port = address[0], address[1]
        if host in ("", "0.0.0.0"):
            host = "0.0.0.0"
        elif host == "<broadcast>":
            host = "255.255.255.255"
        return _native.getaddrinfo(host, port, family, kind)[0][-1]
    return address


def _address(raw):
    # a native sockaddr -> (host, port), as CPython gives it
    if raw is None or isinstance(raw, tuple):
        return raw
    try:
        fam, ip, port = _native.sockaddr(raw)[:3]
        return (_native.inet_ntop(fam, ip), port)
    except (AttributeError, TypeError, ValueError, OSError):
        return raw


_next_port = [0]


def _free_port():
    # MicroPython cannot tell which port the system chose for a bind to port 0 (no
    # getsockname), so the port is chosen here among the dynamic ones, starting somewhere random
    if not _next_port[0]:
        r = __import__("os").urandom(2)
        _next_port[0] = 49152 + ((r[0] << 8) | r[1]) % 16000
    p = _next_port[0]
    _next_port[0] = 49152 + (p - 49152 + 1) % 16383
    return p


class socket(_io.IOBase):
    def __init__(self, family=AF_INET, type=SOCK_STREAM, proto=0, fileno=None, _sock=None):
        self._sock = _sock if _sock is not None else _native.socket(family, type, proto)
        self.family = family
        self.type = type
        self.proto = proto
        self._timeout = None
        self._local = None
        self._peer = None
        self._closed = False

    # -- poll support (MicroPython calls ioctl: 10 for the file number, 3 to poll) ----------
    def ioctl(self, req, arg):
        if req == 10:
            return self._sock.fileno()
        if req == 3:
            p = __import__("select").poll()
            p.register(self._sock, arg)
            r = 0
            for _, ev in p.poll(0):
                r |= ev
            return r & arg
        return 0

    def fileno(self):
        return -1 if self._closed else self._sock.fileno()

    def __repr__(self):
        return "<socket.socket fd=%d, family=%d, type=%d, proto=%d>" % (self.fileno(), self.family, self.type, self.proto)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __getattr__(self, name):
        return getattr(self._sock, name)

    # -- addresses --------------------------------------------------------------------------
    def bind(self, address):
        if isinstance(address, tuple) and address[1] == 0:
            for _ in range(200):
                port = _free_port()
                try:
                    self._sock.bind(_sockaddr((address[0], port), self.family, self.type))
                except OSError as e:
                    if e.errno == _EADDRINUSE:
                        continue
                    raise
                self._local = (address[0] or "0.0.0.0", port)
                return
        try:
            self._sock.bind(_sockaddr(address, self.family, self.type))
        except OSError as e:
            if e.errno == _EADDRINUSE:
                raise OSError(e.errno, _STRERROR[e.errno])
            raise
        if isinstance(address, tuple):
            self._local = (address[0] or "0.0.0.0", address[1])

    def getsockname(self):
        return self._local if self._local is not None else ("0.0.0.0", 0)

    def getpeername(self):
        if self._peer is None:
            raise OSError(_ENOTCONN, "Transport endpoint is not connected")
        return self._peer

    def listen(self, backlog=128):
        self._sock.listen(backlog)

    def accept(self):
        try:
            conn, raw = self._sock.accept()
        except OSError as e:
            _raise(e, self._timeout)
        addr = _address(raw)
        s = socket(self.family, self.type, self.proto, _sock=conn)
        s._peer = addr
        s._local = self._local
        if self._timeout is not None:
            conn.settimeout(self._timeout)
        return s, addr

    def connect(self, address):
        try:
            self._sock.connect(_sockaddr(address, self.family, self.type))
        except OSError as e:
            _raise(e, self._timeout)
        self._peer = (address[0], address[1]) if isinstance(address, tuple) else _address(address)

    def connect_ex(self, address):
        try:
            self.connect(address)
        except OSError as e:
            return e.errno or _ETIMEDOUT
        return 0

    def sendto(self, data, *args):
        address = args[-1]
        return self._sock.sendto(data, *(args[:-1] + (_sockaddr(address, self.family, SOCK_DGRAM),)))

    def recvfrom(self, n, *flags):
        try:
            data, raw = self._sock.recvfrom(n, *flags)
        except OSError as e:
            _raise(e, self._timeout)
        return data, _address(raw)

    # -- data ----------------------------------------------------------------------------------
    def recv(self, n, *flags):
        try:
            return self._sock.recv(n, *flags)
        except OSError as e:
            _raise(e, self._timeout)

    def recv_into(self, buf, nbytes=0, *flags):
        mv = memoryview(buf)
        data = self.recv(nbytes or len(mv), *flags)
        mv[: len(data)] = data
        return len(data)

    def send(self, data, *flags):
        try:
            return self._sock.send(data, *flags)
        except OSError as e:
            _raise(e, self._timeout)

    def sendall(self, data, *flags):
        mv = memoryview(data)
        sent = 0
        while sent < len(mv):
            sent += self.send(mv[sent:], *flags)

    def read(self, *n):
        return self._sock.read(*n)

    def readinto(self, *args):
        return self._sock.readinto(*args)

    def readline(self, *n):
        return self._sock.readline(*n)

    def write(self, *args):
        return self._sock.write(*args)

    # -- modes ---------------------------------------------------------------------------------
    def settimeout(self, value):
        if value is not None and value < 0:
            raise ValueError("Timeout value out of range")
        self._timeout = value
        self._sock.settimeout(value)

    def gettimeout(self):
        return self._timeout

    def setblocking(self, flag):
        self.settimeout(None if flag else 0.0)

    def getblocking(self):
        return self._timeout != 0

    def setsockopt(self, level, opt, value):
        try:
            self._sock.setsockopt(level, opt, value)
        except OSError:
            if level != IPPROTO_TCP and opt != SO_REUSEPORT:
                raise  # TCP options are hints a port may not take

    def shutdown(self, how):
        # MicroPython has no shutdown(): closing for writing is the nearest it can do
        if how in (SHUT_WR, SHUT_RDWR):
            self.close()

    def close(self):
        if not self._closed:
            self._closed = True
            self._sock.close()

    def detach(self):
        self._closed = True
        return self._sock.fileno()

    def makefile(self, mode="r", buffering=None, encoding=None, errors=None, newline=None):
        return _File(self, mode)


class _File:
    # what makefile() gives: buffered reading of lines, and writing, over the socket; text
    # when 'b' is not in the mode
    def __init__(self, sock, mode):
        self._s = sock
        self._buf = b""
        self._text = "b" not in mode
        self.mode = mode
        self.closed = False

    def _fill(self):
        data = self._s.recv(1024)
        self._buf += data
        return bool(data)

    def _out(self, b):
        return b.decode() if self._text else b

    def readline(self, limit=-1):
        while b"\n" not in self._buf and (limit < 0 or len(self._buf) < limit):
            if not self._fill():
                break
        i = self._buf.find(b"\n")
        end = len(self._buf) if i < 0 else i + 1
        if limit >= 0:
            end = min(end, limit)
        line, self._buf = self._buf[:end], self._buf[end:]
        return self._out(line)

    def read(self, n=-1):
        while n < 0 or len(self._buf) < n:
            if not self._fill():
                break
        if n < 0:
            n = len(self._buf)
        data, self._buf = self._buf[:n], self._buf[n:]
        return self._out(data)

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def write(self, data):
        if isinstance(data, str):
            data = data.encode()
        self._s.sendall(data)
        return len(data)

    def flush(self):
        pass

    def close(self):
        self.closed = True

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def create_connection(address, timeout=_GLOBAL_DEFAULT_TIMEOUT, source_address=None, **kw):
    host, port = address[0], address[1]
    err = None
    for res in _native.getaddrinfo(host, port, 0, SOCK_STREAM):
        s = socket(res[0], res[1], res[2])
        try:
            if timeout is not _GLOBAL_DEFAULT_TIMEOUT:
                s.settimeout(timeout)
            if source_address:
                s.bind(source_address)
            s.connect(res[-1])
            s._peer = (host, port)
            return s
        except OSError as e:
            err = e
            s.close()
    raise err if err is not None else OSError("getaddrinfo returns an empty list")


def create_server(address, *, family=AF_INET, backlog=None, reuse_port=False, dualstack_ipv6=False):
    s = socket(family, SOCK_STREAM)
    s.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
    s.bind(address)
    s.listen(128 if backlog is None else backlog)
    return s


def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
    try:
        return _native.getaddrinfo(host, port, family, type, proto, flags)
    except OSError as e:
        raise gaierror(e.errno if hasattr(e, "errno") else -2, "Name or service not known")


def gethostname():
    try:
        with open("/etc/hostname") as f:
            return f.read().strip() or "localhost"
    except OSError:
        return "localhost"


def gethostbyname(name):
    ai = getaddrinfo(name, 0, AF_INET)
    return _address(ai[0][-1])[0]


def getfqdn(name=""):
    return name or gethostname()


def inet_aton(s):
    return _native.inet_pton(AF_INET, s)


def inet_ntoa(b):
    return _native.inet_ntop(AF_INET, b)


def htons(x):
    return ((x & 0xFF) << 8) | ((x >> 8) & 0xFF)


ntohs = htons


def htonl(x):
    return int.from_bytes(x.to_bytes(4, "little"), "big")


ntohl = htonl


def getdefaulttimeout():
    return None


def setdefaulttimeout(t):
    if t is not None:
        raise ValueError("greenify: a default socket timeout is not supported on MicroPython")
