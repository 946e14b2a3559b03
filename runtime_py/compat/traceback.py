# greenify: needs _gyreal
# greenify compat: CPython's `traceback` on MicroPython.  MicroPython keeps a traceback inside
# each exception (no traceback objects, no frames, no chaining): sys.print_exception gives the
# file, line and function of every frame, and the source lines are read back from the files,
# so the text is CPython's "Traceback (most recent call last):" form (3.11's ^^^ carets and
# chained exceptions cannot be known here).
import sys

if sys.implementation.name != "micropython":  # a host run: the real module
    __import__("_gyreal").real(__name__)

__all__ = ["extract_stack", "extract_tb", "format_exception", "format_exception_only",
           "format_list", "format_stack", "format_tb", "print_exc", "format_exc",
           "print_exception", "print_last", "print_stack", "print_tb", "clear_frames",
           "FrameSummary", "StackSummary", "TracebackException", "walk_stack", "walk_tb"]

_NO = object()  # "argument not given" (CPython's sentinel)


class FrameSummary:
    __slots__ = ("filename", "lineno", "name", "_line", "locals")

    def __init__(self, filename, lineno, name, lookup_line=True, locals=None, line=None):
        self.filename = filename
        self.lineno = lineno
        self.name = name
        self._line = line
        self.locals = locals

    @property
    def line(self):
        if self._line is None:
            self._line = _source(self.filename, self.lineno)
        return self._line.strip()

    def __eq__(self, o):
        if isinstance(o, tuple):
            return (self.filename, self.lineno, self.name, self.line) == o
        return isinstance(o, FrameSummary) and (self.filename, self.lineno, self.name,
                                                self.line) == (o.filename, o.lineno, o.name, o.line)

    def __getitem__(self, i):
        return (self.filename, self.lineno, self.name, self.line)[i]

    def __iter__(self):
        return iter((self.filename, self.lineno, self.name, self.line))

    def __len__(self):
        return 4

    def __repr__(self):
        return "<FrameSummary file %s, line %s in %s>" % (self.filename, self.lineno, self.name)


def _source(path, n):
    # linecache, without the cache: one line read back when a traceback is formatted.
    try:
        with open(path) as f:
            for i, s in enumerate(f, 1):
                if i == n:
                    return s
    except (OSError, ValueError):
        pass
    return ""


class StackSummary(list):
    @classmethod
    def from_list(cls, frames):
        s = cls()
        for f in frames:
            s.append(f if isinstance(f, FrameSummary) else FrameSummary(f[0], f[1], f[2],
                                                                         line=f[3]))
        return s

    def format(self):
        out = []
        for f in self:
            r = '  File "%s", line %d, in %s\n' % (f.filename, f.lineno, f.name)
            if f.line:
                r += "    %s\n" % f.line
            out.append(r)
        return out


def _frames(e, limit=None):
    # The frames MicroPython recorded in exception e, outermost first, as print_exception lists
    # them.  CPython's negative limit keeps the last frames, a positive one the first.
    import io
    b = io.StringIO()
    sys.print_exception(e, b)
    s = StackSummary()
    for ln in b.getvalue().split("\n"):
        if ln.startswith('  File "'):
            q = ln.find('", line ', 8)
            c = ln.find(", in ", q)
            if q > 0 and c > 0:
                s.append(FrameSummary(ln[8:q], int(ln[q + 8:c]), ln[c + 5:]))
    if limit is not None:
        s = StackSummary(s[:limit] if limit >= 0 else s[limit:])
    return s


def _type_name(t):
    m = getattr(t, "__module__", None)
    n = t.__name__
    return n if m in (None, "__main__", "builtins") else m + "." + n


def _value_str(v):
    if isinstance(v, KeyError) and len(v.args) == 1:
        return repr(v.args[0])  # CPython's KeyError str is the repr of the key
    try:
        return str(v)
    except Exception:
        return "<exception str() failed>"


def format_exception_only(exc, value=_NO):
    if value is _NO:
        value = exc
    if value is None:
        return ["NoneType: None\n"]  # also for (SomeType, None), as CPython 3.11 does
    s = _value_str(value)
    n = _type_name(type(value))
    return ["%s: %s\n" % (n, s) if s else "%s\n" % n]


def format_exception(exc, value=_NO, tb=_NO, limit=None, chain=True):
    v = exc if value is _NO else value
    if v is None:
        return format_exception_only(exc, value)
    fr = _frames(v, limit)
    out = ["Traceback (most recent call last):\n"] if fr else []
    out.extend(fr.format())
    out.extend(format_exception_only(type(v), v))
    return out


def _out(file, lines):
    if file is None:
        file = sys.stderr
    for s in lines:
        file.write(s)


def print_exception(exc, value=_NO, tb=_NO, limit=None, file=None, chain=True):
    _out(file, format_exception(exc, value, tb, limit, chain))


def format_exc(limit=None, chain=True):
    return "".join(format_exception(sys.exc_info()[1], limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    v = sys.exc_info()[1]
    if v is None:
        _out(file, ["NoneType: None\n"])
    else:
        print_exception(v, limit=limit, file=file, chain=chain)


def print_last(limit=None, file=None, chain=True):
    v = getattr(sys, "last_value", None)
    if v is None:
        raise ValueError("no last exception")
    print_exception(v, limit=limit, file=file, chain=chain)


# No traceback objects on MicroPython: a `tb` argument may be the exception itself (what
# TracebackException and greenify's own callers pass); None (sys.exc_info()[2]) gives nothing.
def extract_tb(tb, limit=None):
    return _frames(tb, limit) if isinstance(tb, BaseException) else StackSummary()


def format_tb(tb, limit=None):
    return extract_tb(tb, limit).format()


def print_tb(tb, limit=None, file=None):
    _out(file, format_tb(tb, limit))


def format_list(extracted_list):
    return StackSummary.from_list(extracted_list).format()


# MicroPython cannot see the frames of a running stack: these give an empty stack.
def extract_stack(f=None, limit=None):
    return StackSummary()


def format_stack(f=None, limit=None):
    return []


def print_stack(f=None, limit=None, file=None):
    pass


def walk_stack(f):
    return iter(())


def walk_tb(tb):
    return iter(())


def clear_frames(tb):
    pass


class TracebackException:
    def __init__(self, exc_type, exc_value, exc_traceback, limit=None, lookup_lines=True,
                 capture_locals=False, compact=False, max_group_width=15, max_group_depth=10):
        self.exc_type = exc_type
        self._v = exc_value
        self.stack = _frames(exc_value, limit) if exc_value is not None else StackSummary()
        self.__cause__ = self.__context__ = None
        self.__suppress_context__ = False
        self.__notes__ = None

    @classmethod
    def from_exception(cls, exc, limit=None, lookup_lines=True, capture_locals=False):
        return cls(type(exc), exc, None, limit)

    def format_exception_only(self):
        return iter(format_exception_only(self.exc_type, self._v))

    def format(self, chain=True):
        if self.stack:
            yield "Traceback (most recent call last):\n"
            yield from self.stack.format()
        yield from self.format_exception_only()

    def __eq__(self, o):
        return isinstance(o, TracebackException) and self._v is o._v

    def __str__(self):
        return _value_str(self._v)
