"""Thread backend: a `print` that writes each line in one piece.

MicroPython's print writes its arguments, separators and `end` one by one, and without a
GIL two threads printing at once tear each other's lines (the customer's scenario did so
in most runs).  greenify.threading calls install() when it is imported (so `log = print`
in the program is covered): builtins.print becomes line_print, which joins the line into
one string and writes it under a lock.  `builtins.print = greenify._lineprint.builtin_print`
restores the original.  Not done on CPython, nor on a port that cannot override builtins.
"""
import sys
from _thread import allocate_lock, get_ident
from greenify._plat import MPY

_lock = allocate_lock()
_owner = None  # ident of the thread writing under _lock (a nested print goes straight out)
builtin_print = None  # the original print, once replaced


# Defined as `print` so that its __name__ is "print" (`Thread(target=print)` is "Thread-N (print)").
def print(*args, sep=" ", end="\n", file=None, flush=False):
    global _owner
    if sep is None:
        sep = " "
    elif not isinstance(sep, str):
        raise TypeError("sep must be None or a string, not %s" % type(sep).__name__)
    if end is None:
        end = "\n"
    elif not isinstance(end, str):
        raise TypeError("end must be None or a string, not %s" % type(end).__name__)
    line = sep.join([str(a) for a in args]) + end
    me = get_ident()
    if _owner == me:  # a file object's write() that prints: no self-deadlock
        builtin_print(line, end="", file=sys.stdout if file is None else file)
        return
    with _lock:
        _owner = me
        try:
            builtin_print(line, end="", file=sys.stdout if file is None else file)
            if flush:
                f = getattr(sys.stdout if file is None else file, "flush", None)
                if f is not None:
                    f()
        finally:
            _owner = None


line_print = print
del print


def install():
    global builtin_print
    if not MPY:
        return
    try:
        import builtins

        builtin_print = builtins.print
        builtins.print = line_print
    except (ImportError, AttributeError, TypeError):
        pass  # a port that cannot override builtins keeps its print


def whole(fn, *args):
    """Run fn(*args) holding the print lock, so that everything it prints (the default
    excepthook's report) comes out in one piece; its own prints pass straight through."""
    global _owner
    if builtin_print is None:
        return fn(*args)
    with _lock:
        _owner = get_ident()
        try:
            return fn(*args)
        finally:
            _owner = None
