# greenify: needs _gyreal
# greenify compat: CPython's `functools` on MicroPython (the port has none).
# MicroPython functions take no attributes (no __doc__, __qualname__, __wrapped__, or anything
# a decorator sets): update_wrapper then hands back a small callable object that carries them
# and calls the wrapper, and binds like a function when it is a method.
import sys

if sys.implementation.name != "micropython":  # a host run: the real module
    __import__("_gyreal").real(__name__)
WRAPPER_ASSIGNMENTS = ("__module__", "__name__", "__qualname__", "__doc__", "__dict__")
WRAPPER_UPDATES = ("__dict__",)
_ASSIGN = ("__module__", "__name__", "__qualname__", "__doc__")


class _Method:
    # A _Wrapped function bound to an instance.

    def __init__(self, f, obj):
        self.__func__ = f
        self.__self__ = obj

    def __call__(self, *a, **k):
        return self.__func__(self.__self__, *a, **k)

    def __getattr__(self, n):
        return getattr(self.__func__, n)

    def __eq__(self, o):
        return isinstance(o, _Method) and o.__func__ is self.__func__ and o.__self__ is self.__self__

    def __hash__(self):
        return hash(self.__func__) ^ id(self.__self__)


class _Wrapped:
    # A function that carries attributes: what update_wrapper returns for a plain function.
    def __init__(self, f):
        self._gy_f = f

    def __call__(self, *a, **k):
        return self._gy_f(*a, **k)

    def __get__(self, obj, cls=None):
        return self if obj is None else _Method(self, obj)

    def __repr__(self):
        return "<function %s at 0x%x>" % (getattr(self, "__qualname__", "?"), id(self))


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    try:
        wrapper.__wrapped__ = wrapped
        ok = getattr(wrapper, "__wrapped__", None) is wrapped
    except (AttributeError, TypeError):
        ok = False
    if not ok:  # a MicroPython function (a closure even drops what is stored on it)
        wrapper = _Wrapped(wrapper)
    for a in assigned:
        if a == "__dict__":
            continue
        try:
            v = getattr(wrapped, a)
        except AttributeError:
            if a == "__qualname__" and hasattr(wrapped, "__name__"):
                v = wrapped.__name__  # MicroPython keeps no qualified names
            elif a == "__doc__":
                v = None  # nor docstrings
            else:
                continue
        try:
            setattr(wrapper, a, v)
        except (AttributeError, TypeError):
            pass
    for a in updated:
        src = getattr(wrapped, a, None)
        if src:
            for k in src:
                if k not in ("_gy_f", "__wrapped__"):
                    try:
                        setattr(wrapper, k, src[k])
                    except (AttributeError, TypeError):
                        pass
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated)


class partial:

    def __init__(self, func, *args, **keywords):
        if not callable(func):
            raise TypeError("the first argument must be callable")
        if isinstance(func, partial):  # flattened, as CPython does
            args = func.args + args
            kw = dict(func.keywords)
            kw.update(keywords)
            keywords = kw
            func = func.func
        self.func = func
        self.args = args
        self.keywords = keywords

    def __call__(self, *args, **keywords):
        if self.keywords:
            kw = dict(self.keywords)
            kw.update(keywords)
            keywords = kw
        return self.func(*self.args, *args, **keywords)

    def __repr__(self):
        a = [repr(self.func)]
        a.extend(repr(x) for x in self.args)
        a.extend("%s=%r" % (k, v) for k, v in self.keywords.items())
        return "functools.partial(%s)" % ", ".join(a)


class partialmethod:
    def __init__(self, func, *args, **keywords):
        self.func = func
        self.args = args
        self.keywords = keywords

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        return partial(self.func, obj, *self.args, **self.keywords)


_initial_missing = object()


def reduce(function, sequence, initial=_initial_missing):
    it = iter(sequence)
    if initial is _initial_missing:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError("reduce() of empty iterable with no initial value")
    else:
        value = initial
    for x in it:
        value = function(value, x)
    return value


def __getattr__(name):
    # CacheInfo is made when first asked for: collections costs heap, and most programs only
    # want wraps/partial.
    if name == "CacheInfo":
        return _cache_info_type()
    raise AttributeError(name)


_ci = []


def _cache_info_type():
    if not _ci:
        from collections import namedtuple
        _ci.append(namedtuple("CacheInfo", ["hits", "misses", "maxsize", "currsize"]))
    return _ci[0]

_KWMARK = object()  # separates positional from keyword arguments in a cache key


class _Cached(_Wrapped):
    def __init__(self, f, maxsize, typed):
        _Wrapped.__init__(self, f)
        self._max = maxsize
        self._typed = typed
        # Bounded: an OrderedDict is the recency order (MicroPython's dict keeps no order).
        if maxsize is None:
            self._d = {}
        else:
            from collections import OrderedDict
            self._d = OrderedDict()
        self._hits = self._misses = 0

    def __call__(self, *args, **kw):
        key = args
        if kw:
            key += (_KWMARK,) + tuple(kw.items())
        if self._typed:
            key += tuple(type(v) for v in args) + tuple(type(v) for v in kw.values())
        elif len(key) == 1 and type(key[0]) in (int, str):
            key = key[0]
        d = self._d
        try:
            r = d[key]
        except KeyError:
            pass
        else:
            self._hits += 1
            if self._max is not None:
                del d[key]
                d[key] = r  # now the most recent
            return r
        self._misses += 1
        r = self._gy_f(*args, **kw)
        m = self._max
        if m is None:
            d[key] = r
        elif m > 0:
            if key not in d and len(d) >= m:
                del d[next(iter(d))]  # the least recently used
            d[key] = r
        return r

    def cache_info(self):
        return _cache_info_type()(self._hits, self._misses, self._max, len(self._d))

    def cache_clear(self):
        self._d.clear()
        self._hits = self._misses = 0

    def cache_parameters(self):
        return {"maxsize": self._max, "typed": self._typed}


def lru_cache(maxsize=128, typed=False):
    if isinstance(maxsize, int):
        if maxsize < 0:
            maxsize = 0
    elif callable(maxsize) and isinstance(typed, bool):
        f, maxsize = maxsize, 128
        return update_wrapper(_Cached(f, maxsize, typed), f)
    elif maxsize is not None:
        raise TypeError("Expected first argument to be an integer, a callable, or None")

    def deco(f):
        return update_wrapper(_Cached(f, maxsize, typed), f)

    return deco


def cache(user_function):
    return lru_cache(maxsize=None)(user_function)


def _defines(cls, name):
    # Whether cls or a base other than object defines name (MicroPython's object has no
    # comparison methods to compare against).
    if name in cls.__dict__:
        return True
    return any(_defines(b, name) for b in cls.__bases__ if b is not object)


def _gt_from_lt(self, other):
    r = type(self).__lt__(self, other)
    return r if r is NotImplemented else not r and self != other


def _le_from_lt(self, other):
    r = type(self).__lt__(self, other)
    return r if r is NotImplemented else r or self == other


def _ge_from_lt(self, other):
    r = type(self).__lt__(self, other)
    return r if r is NotImplemented else not r


def _ge_from_le(self, other):
    r = type(self).__le__(self, other)
    return r if r is NotImplemented else not r or self == other


def _lt_from_le(self, other):
    r = type(self).__le__(self, other)
    return r if r is NotImplemented else r and self != other


def _gt_from_le(self, other):
    r = type(self).__le__(self, other)
    return r if r is NotImplemented else not r


def _le_from_gt(self, other):
    r = type(self).__gt__(self, other)
    return r if r is NotImplemented else not r


def _ge_from_gt(self, other):
    r = type(self).__gt__(self, other)
    return r if r is NotImplemented else r or self == other


def _lt_from_gt(self, other):
    r = type(self).__gt__(self, other)
    return r if r is NotImplemented else not r and self != other


def _le_from_ge(self, other):
    r = type(self).__ge__(self, other)
    return r if r is NotImplemented else not r or self == other


def _gt_from_ge(self, other):
    r = type(self).__ge__(self, other)
    return r if r is NotImplemented else r and self != other


def _lt_from_ge(self, other):
    r = type(self).__ge__(self, other)
    return r if r is NotImplemented else not r


_CONVERT = {
    "__lt__": (("__gt__", _gt_from_lt), ("__le__", _le_from_lt), ("__ge__", _ge_from_lt)),
    "__le__": (("__ge__", _ge_from_le), ("__lt__", _lt_from_le), ("__gt__", _gt_from_le)),
    "__gt__": (("__lt__", _lt_from_gt), ("__ge__", _ge_from_gt), ("__le__", _le_from_gt)),
    "__ge__": (("__le__", _le_from_ge), ("__gt__", _gt_from_ge), ("__lt__", _lt_from_ge)),
}


def total_ordering(cls):
    roots = [op for op in ("__lt__", "__le__", "__gt__", "__ge__") if _defines(cls, op)]
    if not roots:
        raise ValueError("must define at least one ordering operation: < > <= >=")
    root = roots[0]  # CPython prefers __lt__, then __le__, __gt__, __ge__
    for name, f in _CONVERT[root]:
        if name not in roots:
            setattr(cls, name, f)
    return cls


def cmp_to_key(mycmp):
    class K:
        __slots__ = ("obj",)

        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0

        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0

        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0

        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0

        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0

        __hash__ = None

    return K


class cached_property:
    # A non-data descriptor: the value it stores on the instance hides it from then on.
    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = None

    def __set_name__(self, owner, name):
        self.attrname = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        v = self.func(instance)
        setattr(instance, self.attrname or self.func.__name__, v)
        return v


def _mro(cls):
    # Depth-first, left to right, each class once (no __mro__ on MicroPython).
    out = []
    todo = [cls]
    while todo:
        c = todo.pop(0)
        if c not in out:
            out.append(c)
            # MicroPython's bool reports no base
            todo[0:0] = (int,) if c is bool else getattr(c, "__bases__", ())
    if object not in out:
        out.append(object)
    else:
        out.remove(object)
        out.append(object)
    return out


def singledispatch(func):
    registry = {object: func}

    def dispatch(cls):
        for c in _mro(cls):
            if c in registry:
                return registry[c]
        return func

    def register(cls, f=None):
        if f is None:
            if isinstance(cls, type):
                return lambda f: register(cls, f)
            raise TypeError("Invalid first argument to `register()`: %r. "
                            "Use either `@register(some_class)` or plain `@register` on an "
                            "annotated function." % (cls,))
        registry[cls] = f
        return f

    def wrapper(*args, **kw):
        if not args:
            raise TypeError("%s requires at least 1 positional argument" % func.__name__)
        return dispatch(type(args[0]))(*args, **kw)

    w = update_wrapper(wrapper, func)
    w.register = register
    w.dispatch = dispatch
    w.registry = registry
    return w
