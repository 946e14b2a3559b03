# greenify compat: the names CPython has as builtins and MicroPython lacks, and `metabase`, the
# stand-in for `metaclass=` (MicroPython's class statement takes no keywords).
# greenify rewrites a free use of such a name in SRC to `__import__("_gycompat").NAME` (same
# line), so this module is loaded only by programs that need it, on both backends. On CPython
# every name is the real builtin (host runs of an output behave as the original).
import builtins

_MPY = __import__("sys").implementation.name == "micropython"

# (name, base or alias target, alias?) in an order where a base comes before its subclasses.
# Aliases: CPython's IOError/EnvironmentError are OSError itself. The others are aliases on
# MicroPython because MicroPython raises the base where CPython raises the subclass (recursion
# limit: RuntimeError; missing module: ImportError; unbound local: NameError; codec errors:
# UnicodeError), so `except RecursionError:` catches what MicroPython raises.
_TABLE = (
    ("IOError", "OSError", 1),
    ("EnvironmentError", "OSError", 1),
    ("RecursionError", "RuntimeError", 1),
    ("ModuleNotFoundError", "ImportError", 1),
    ("UnboundLocalError", "NameError", 1),
    ("UnicodeDecodeError", "UnicodeError", 1),
    ("UnicodeEncodeError", "UnicodeError", 1),
    ("UnicodeTranslateError", "UnicodeError", 1),
    ("TabError", "IndentationError", 1),
    ("BlockingIOError", "OSError", 0),
    ("ChildProcessError", "OSError", 0),
    ("ConnectionError", "OSError", 0),
    ("BrokenPipeError", "ConnectionError", 0),
    ("ConnectionAbortedError", "ConnectionError", 0),
    ("ConnectionRefusedError", "ConnectionError", 0),
    ("ConnectionResetError", "ConnectionError", 0),
    ("FileExistsError", "OSError", 0),
    ("FileNotFoundError", "OSError", 0),
    ("InterruptedError", "OSError", 0),
    ("IsADirectoryError", "OSError", 0),
    ("NotADirectoryError", "OSError", 0),
    ("PermissionError", "OSError", 0),
    ("ProcessLookupError", "OSError", 0),
    ("TimeoutError", "OSError", 0),
    ("BufferError", "Exception", 0),
    ("ReferenceError", "Exception", 0),
    ("FloatingPointError", "ArithmeticError", 0),
    ("Warning", "Exception", 0),
    ("UserWarning", "Warning", 0),
    ("DeprecationWarning", "Warning", 0),
    ("PendingDeprecationWarning", "Warning", 0),
    ("SyntaxWarning", "Warning", 0),
    ("RuntimeWarning", "Warning", 0),
    ("FutureWarning", "Warning", 0),
    ("ImportWarning", "Warning", 0),
    ("UnicodeWarning", "Warning", 0),
    ("BytesWarning", "Warning", 0),
    ("ResourceWarning", "Warning", 0),
    ("EncodingWarning", "Warning", 0),
)

_g = globals()
for _name, _base, _alias in _TABLE:
    _have = getattr(builtins, _name, None)
    if _have is not None:
        _g[_name] = _have
    else:
        _b = _g.get(_base) or getattr(builtins, _base)
        # A subclass made at import time: type() keeps this module small (no class bodies).
        _g[_name] = _b if _alias else type(_name, (_b,), {})
del _g, _name, _base, _alias, _have, _TABLE


def _fmt(value, spec=""):
    return ("{:" + spec + "}").format(value)


def _vars(*obj):
    if not obj:
        raise TypeError("vars() without an argument is not supported on MicroPython")
    try:
        return obj[0].__dict__
    except AttributeError:
        raise TypeError("vars() argument must have __dict__ attribute")


def _ascii(obj):
    out = []
    for ch in repr(obj):
        n = ord(ch)
        if n < 128:
            out.append(ch)
        elif n < 0x100:
            out.append("\\x%02x" % n)
        elif n < 0x10000:
            out.append("\\u%04x" % n)
        else:
            out.append("\\U%08x" % n)
    return "".join(out)


def _exit(code=None):
    raise SystemExit(code)


format = getattr(builtins, "format", _fmt)
vars = getattr(builtins, "vars", _vars)
ascii = getattr(builtins, "ascii", _ascii)
exit = getattr(builtins, "exit", _exit)
quit = getattr(builtins, "quit", _exit)

_bases = {}


def metabase(meta):
    # `class X(B, metaclass=M)` is rewritten to `class X(B, metabase(M))`: a base class that
    # stands for M. M may name one (`_gy_base`: the compat abc.ABCMeta names ABC, a plain class
    # that refuses to instantiate abstract classes). On CPython a class made by M is such a base
    # (X's metaclass is then M, as with the keyword). Elsewhere an empty class: MicroPython has
    # no metaclasses, M's hooks do not run (greenify warns, GY402). One base per M.
    base = getattr(meta, "_gy_base", None)
    if base is not None:
        return base
    base = _bases.get(meta)
    if base is None:
        if _MPY:
            base = type("_gy_" + meta.__name__, (), {})
        else:
            base = meta("_gy_" + meta.__name__, (), {"__module__": __name__})
        _bases[meta] = base
    return base
