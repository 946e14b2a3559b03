# greenify: needs _gyreal
# greenify compat: CPython's `abc` on MicroPython, which has no metaclasses, no
# __init_subclass__ and no function attributes.  ABC is a plain base class whose __new__
# refuses a class that still has abstract methods; `class X(metaclass=ABCMeta)` is rewritten
# by greenify into a base `ABCMeta._gy_base` (= ABC).  abstractmethod records functions in a
# set (they cannot carry __isabstractmethod__).  register() makes virtual subclasses, seen by
# isinstance/issubclass once `_hook()` has put greenify's versions into builtins.
import sys

if sys.implementation.name != "micropython":  # a host run: the real module
    __import__("_gyreal").real(__name__)

_ABS = set()  # abstract functions and descriptors
_NAMES = set()  # their names: properties/classmethods hide the function they wrap


def abstractmethod(funcobj):
    _ABS.add(funcobj)
    n = getattr(funcobj, "__name__", None)
    if n:
        _NAMES.add(n)
    return funcobj


def _abstract_descr(kind, f):
    abstractmethod(f)
    d = kind(f)
    _ABS.add(d)
    return d


def abstractproperty(fget=None, fset=None, fdel=None, doc=None):
    abstractmethod(fget)
    p = property(fget, fset, fdel)
    _ABS.add(p)
    return p


def abstractclassmethod(callable):
    return _abstract_descr(classmethod, callable)


def abstractstaticmethod(callable):
    return _abstract_descr(staticmethod, callable)


def _mro(cls):
    # Depth-first, each class once, object last (MicroPython has no __mro__).
    out = []
    todo = [cls]
    while todo:
        c = todo.pop(0)
        if c not in out and c is not object:
            out.append(c)
            todo[0:0] = getattr(c, "__bases__", ())
    return out


def _is_abstract(v, name, later):
    try:
        if v in _ABS:
            return True
    except TypeError:  # unhashable class attribute
        return False
    # A property/classmethod wrapping an abstract function cannot be looked into: it counts as
    # abstract where its name was declared abstract and no base defines that name.
    if name in _NAMES and not callable(v) and v is not None and not later:
        return type(v) in (property, classmethod, staticmethod)
    return False


def _abstracts(cls):
    d = cls.__dict__
    if "__abstractmethods__" in d:
        return d["__abstractmethods__"]
    seen = {}
    mro = _mro(cls)
    for i, k in enumerate(mro):
        for n, v in k.__dict__.items():
            if n not in seen:
                later = any(n in b.__dict__ for b in mro[i + 1:])
                seen[n] = _is_abstract(v, n, later)
    r = frozenset(n for n in seen if seen[n])
    try:
        cls.__abstractmethods__ = r
    except (AttributeError, TypeError):
        pass
    return r


def update_abstractmethods(cls):
    if "__abstractmethods__" in cls.__dict__:
        try:
            del cls.__abstractmethods__
        except (AttributeError, TypeError):
            pass
    _abstracts(cls)
    return cls


_virtual = {}  # ABC -> classes registered as its virtual subclasses (also under its ABC bases)
_hooked = []


class ABCMeta:
    # The base greenify gives `class X(metaclass=ABCMeta)`; also what ABC is.
    def __new__(cls, *args, **kwargs):
        a = _abstracts(cls)
        if a:
            raise TypeError("Can't instantiate abstract class %s with abstract method%s %s"
                            % (cls.__name__, "s" if len(a) > 1 else "", ", ".join(sorted(a))))
        return object.__new__(cls)

    @classmethod
    def register(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        _hook()
        for c in _mro(cls):
            if issubclass(c, ABCMeta) and c is not ABCMeta and c is not ABC:
                _virtual.setdefault(c, []).append(subclass)
        return subclass


class ABC(ABCMeta):
    pass


ABCMeta._gy_base = ABC  # what greenify's rewrite of `metaclass=ABCMeta` inherits


def get_cache_token():
    return len(_virtual)


_isinstance = isinstance
_issubclass = issubclass
_hooks = {}  # ABC -> function(C) deciding by C's methods (collections.abc's one-trick ABCs)


def _asks(A):
    try:
        return A in _virtual or A in _hooks
    except TypeError:  # unhashable: not an ABC
        return False


def _sub(C, A):
    # issubclass(C, A) for an ABC A: registered classes, then A's structural hook.
    for v in _virtual.get(A, ()):
        if _issubclass(C, v):
            return True
    h = _hooks.get(A)
    return h is not None and bool(h(C))


def _gy_issubclass(C, A):
    if type(A) is tuple:
        return any(_gy_issubclass(C, a) for a in A)
    return _issubclass(C, A) or _asks(A) and _sub(C, A)


def _gy_isinstance(o, A):
    if type(A) is tuple:
        return any(_gy_isinstance(o, a) for a in A)
    return _isinstance(o, A) or _asks(A) and _sub(type(o), A)


def _hook():
    # Once: builtins.isinstance/issubclass also ask the ABCs (a port that does not let builtins
    # be replaced keeps the plain ones: then only real subclasses count).
    if not _hooked:
        _hooked.append(1)
        try:
            import builtins
            builtins.isinstance = _gy_isinstance
            builtins.issubclass = _gy_issubclass
        except (ImportError, AttributeError, TypeError):
            pass
