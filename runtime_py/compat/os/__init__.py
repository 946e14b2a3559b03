# greenify: needs _gyreal, os.path
# greenify compat: CPython's `os` on MicroPython.  A package named like the builtin module
# replaces it; the builtin is reached with sys.path emptied and every builtin name is kept.
# Added: `os.path` (a submodule, also reached as an attribute), environ, makedirs, the name
# constants.  `import os` alone does not load os.path until it is used.
import sys

if sys.implementation.name != "micropython":  # a host run: the real module
    __import__("_gyreal").real(__name__)
else:
    _p = sys.path[:]
    sys.path.clear()
    try:
        from os import *
        import os as _b
    finally:
        sys.path.extend(_p)
    del _p

name = "posix"
curdir = "."
pardir = ".."
extsep = "."
altsep = None
pathsep = ":"
linesep = "\n"
defpath = "/bin:/usr/bin"
devnull = "/dev/null"
sep = "/"
SEEK_SET, SEEK_CUR, SEEK_END = 0, 1, 2
F_OK, X_OK, W_OK, R_OK = 0, 1, 2, 4


def __getattr__(n):
    if n == "path":
        import os.path
        return os.path
    raise AttributeError(n)


class _Environ:
    # The process environment through getenv/putenv (the unix port has them; a board has
    # no environment: every lookup misses).  MicroPython cannot list it: iteration is empty.
    def __getitem__(self, key):
        v = _getenv(key)
        if v is None:
            raise KeyError(key)
        return v

    def get(self, key, default=None):
        v = _getenv(key)
        return default if v is None else v

    def __contains__(self, key):
        return _getenv(key) is not None

    def __setitem__(self, key, value):
        if not isinstance(value, str):
            raise TypeError("str expected, not %s" % type(value).__name__)
        _b.putenv(key, value)

    def __delitem__(self, key):
        if _getenv(key) is None:
            raise KeyError(key)
        _b.unsetenv(key)

    def setdefault(self, key, value):
        if key not in self:
            self[key] = value
        return self[key]

    def pop(self, key, *default):
        v = _getenv(key)
        if v is None:
            if default:
                return default[0]
            raise KeyError(key)
        del self[key]
        return v

    def __iter__(self):
        return iter(())

    def keys(self):
        return []

    def items(self):
        return []


def _getenv(key):
    g = getattr(_b, "getenv", None)
    return g(key) if g else None


environ = _Environ()


def getenv(key, default=None):
    v = _getenv(key)
    return default if v is None else v


def makedirs(name, mode=0o777, exist_ok=False):
    from os import path as p
    head, tail = p.split(name)
    if not tail:
        head, tail = p.split(head)
    if head and tail and not p.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except OSError:
            if not p.isdir(head):
                raise
    try:
        mkdir(name)
    except OSError:
        if not exist_ok or not p.isdir(name):
            raise


def removedirs(name):
    from os import path as p
    rmdir(name)
    head, tail = p.split(name)
    if not tail:
        head, tail = p.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = p.split(head)


def walk(top, topdown=True, onerror=None, followlinks=False):
    from os import path as p
    try:
        names = listdir(top)
    except OSError as e:
        if onerror is not None:
            onerror(e)
        return
    dirs = [n for n in names if p.isdir(p.join(top, n))]
    files = [n for n in names if n not in dirs]
    if topdown:
        yield top, dirs, files
    for d in dirs:
        yield from walk(p.join(top, d), topdown, onerror, followlinks)
    if not topdown:
        yield top, dirs, files


def fspath(path):
    if isinstance(path, (str, bytes)):
        return path
    f = getattr(type(path), "__fspath__", None)
    if f is None:
        raise TypeError("expected str, bytes or os.PathLike object, not " + type(path).__name__)
    return f(path)


def getpid():
    return 0  # one process, no id on MicroPython
