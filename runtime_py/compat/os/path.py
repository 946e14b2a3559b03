# greenify: needs _gyreal
# greenify compat: CPython's `os.path` (posixpath) on MicroPython, on top of os.stat.
import sys

if sys.implementation.name != "micropython":  # a host run: the real module
    __import__("_gyreal").real(__name__)

sep = "/"
curdir = "."
pardir = ".."
extsep = "."
altsep = None
pathsep = ":"
devnull = "/dev/null"


def _stat(p):
    import os
    try:
        return os.stat(p)
    except (OSError, ValueError, TypeError):
        return None


def exists(path):
    return _stat(path) is not None


lexists = exists


def isdir(path):
    s = _stat(path)
    return s is not None and s[0] & 0o170000 == 0o040000


def isfile(path):
    s = _stat(path)
    return s is not None and s[0] & 0o170000 == 0o100000


def islink(path):
    return False  # os.stat follows links; MicroPython has no lstat


def getsize(path):
    import os
    return os.stat(path)[6]


def getmtime(path):
    import os
    return float(os.stat(path)[8])


def getatime(path):
    import os
    return float(os.stat(path)[7])


def getctime(path):
    import os
    return float(os.stat(path)[9])


def isabs(s):
    return s.startswith("/")


def join(a, *p):
    path = a
    for b in p:
        if b.startswith("/"):
            path = b
        elif not path or path.endswith("/"):
            path += b
        else:
            path += "/" + b
    return path


def split(p):
    i = p.rfind("/") + 1
    head, tail = p[:i], p[i:]
    if head and head != "/" * len(head):
        head = head.rstrip("/")
    return head, tail


def basename(p):
    return p[p.rfind("/") + 1:]


def dirname(p):
    return split(p)[0]


def splitext(p):
    dot = p.rfind(".")
    slash = p.rfind("/")
    if dot > slash:
        i = slash + 1
        while i < dot:  # a leading dot (".bashrc") is no extension
            if p[i] != ".":
                return p[:dot], p[dot:]
            i += 1
    return p, ""


def splitdrive(p):
    return p[:0], p


def normpath(path):
    if not path:
        return "."
    initial = 2 if path.startswith("//") and not path.startswith("///") else \
        1 if path.startswith("/") else 0
    comps = []
    for c in path.split("/"):
        if c in ("", "."):
            continue
        if c != ".." or (not initial and not comps) or (comps and comps[-1] == ".."):
            comps.append(c)
        elif comps:
            comps.pop()
    path = "/".join(comps)
    if initial:
        path = "/" * initial + path
    return path or "."


def abspath(path):
    if not isabs(path):
        import os
        path = join(os.getcwd(), path)
    return normpath(path)


realpath = abspath


def relpath(path, start=None):
    if not path:
        raise ValueError("no path specified")
    start = abspath(start or curdir).split("/")
    parts = abspath(path).split("/")
    start = [x for x in start if x]
    parts = [x for x in parts if x]
    i = 0
    while i < min(len(start), len(parts)) and start[i] == parts[i]:
        i += 1
    rel = [pardir] * (len(start) - i) + parts[i:]
    return join(*rel) if rel else curdir


def expanduser(path):
    if not path.startswith("~"):
        return path
    i = path.find("/", 1)
    if i < 0:
        i = len(path)
    if i != 1:
        return path  # ~user: no user database on MicroPython
    import os
    home = os.getenv("HOME") if hasattr(os, "getenv") else None
    if home is None:
        return path
    home = home.rstrip("/")
    return (home + path[i:]) or "/"


def expandvars(path):
    import os
    if "$" not in path or not hasattr(os, "getenv"):
        return path
    out = []
    i = 0
    n = len(path)
    while i < n:
        c = path[i]
        if c == "$" and i + 1 < n:
            if path[i + 1] == "{":
                j = path.find("}", i + 2)
                if j > 0:
                    v = os.getenv(path[i + 2:j])
                    out.append(path[i:j + 1] if v is None else v)
                    i = j + 1
                    continue
            j = i + 1
            while j < n and (path[j].isalpha() or path[j].isdigit() or path[j] == "_"):
                j += 1
            if j > i + 1:
                v = os.getenv(path[i + 1:j])
                out.append(path[i:j] if v is None else v)
                i = j
                continue
        out.append(c)
        i += 1
    return "".join(out)


def commonprefix(m):
    if not m:
        return ""
    s1 = min(m)
    s2 = max(m)
    for i, c in enumerate(s1):
        if c != s2[i]:
            return s1[:i]
    return s1


def samefile(f1, f2):
    return abspath(f1) == abspath(f2)
