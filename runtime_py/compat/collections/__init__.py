# greenify: needs _gyreal, collections.abc
# greenify compat: CPython's `collections` on MicroPython.  A package named like the builtin
# module replaces it; the builtin is reached with sys.path emptied.  Added: the CPython forms
# of deque (no-argument, unbounded, the full method set), namedtuple's helpers, OrderedDict's
# move_to_end/popitem(last=) and 3.11 repr, defaultdict, Counter, ChainMap; `collections.abc`
# loads on first use.  Ordered where CPython's dict is: MicroPython's dict keeps no insertion
# order, its OrderedDict does (with linear-time lookups), so defaultdict and Counter use it.
import sys

if sys.implementation.name != "micropython":  # a host run: the real module
    __import__("_gyreal").real(__name__)
    _OD = dict  # the rest of this file then runs harmlessly
else:
    _p = sys.path[:]
    sys.path.clear()
    try:
        from collections import OrderedDict as _OD, namedtuple as _nt
    finally:
        sys.path.extend(_p)
    del _p

__all__ = ["ChainMap", "Counter", "OrderedDict", "UserDict", "UserList", "UserString",
           "defaultdict", "deque", "namedtuple"]


def __getattr__(name):
    # `import collections` then `collections.abc.Mapping`, as CPython (whose startup has
    # imported collections.abc) allows.
    if name == "abc":
        import collections.abc
        return collections.abc
    raise AttributeError(name)


def _fill(d, args, kwargs):
    # dict(...)'s arguments into d, in their order (MicroPython's dict would lose it).
    if args:
        src = args[0]
        for k, v in (src.items() if hasattr(src, "items") else src):
            d[k] = v
    for k in kwargs:
        d[k] = kwargs[k]


def _drepr(d):
    return "{%s}" % ", ".join("%r: %r" % kv for kv in d.items())


class _odict(_OD):
    # What CPython shows as a plain dict (namedtuple._asdict()), in insertion order.
    def __repr__(self):
        return _drepr(self)

    __str__ = __repr__


class OrderedDict(_OD):
    def __init__(self, *args, **kwargs):
        super().__init__()
        _fill(self, args, kwargs)

    def move_to_end(self, key, last=True):
        v = self.pop(key)
        if last:
            self[key] = v
        else:
            rest = list(self.items())
            self.clear()
            self[key] = v
            for k, x in rest:
                self[k] = x

    def popitem(self, last=True):
        if not self:
            raise KeyError("dictionary is empty")
        k = next(iter(self)) if not last else list(self)[-1]
        return k, self.pop(k)

    def copy(self):
        return type(self)(self.items())

    def __repr__(self):
        if not self:
            return "%s()" % type(self).__name__
        return "%s(%r)" % (type(self).__name__, list(self.items()))

    __str__ = __repr__


class defaultdict(_OD):
    def __init__(self, default_factory=None, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError("first argument must be callable or None")
        # The native dict part is made by this call, with no arguments (MicroPython lets
        # __init__ construct it; otherwise it would get default_factory).
        super().__init__()
        self.default_factory = default_factory
        _fill(self, args, kwargs)

    def __getitem__(self, key):
        try:
            return super().__getitem__(key)
        except KeyError:
            return self.__missing__(key)

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        v = self[key] = self.default_factory()
        return v

    def copy(self):
        return type(self)(self.default_factory, self.items())

    __copy__ = copy

    def __repr__(self):
        return "%s(%r, %s)" % (type(self).__name__, self.default_factory, _drepr(self))

    __str__ = __repr__


class Counter(_OD):
    def __init__(self, iterable=None, **kwds):
        super().__init__()  # the native dict part, empty (see defaultdict)
        self.update(iterable, **kwds)

    def __getitem__(self, key):
        try:
            return super().__getitem__(key)
        except KeyError:
            return 0

    def __missing__(self, key):
        return 0

    def total(self):
        return sum(self.values())

    def most_common(self, n=None):
        items = sorted(self.items(), key=lambda kv: kv[1], reverse=True)  # stable: ties keep order
        return items if n is None else items[:n]

    def elements(self):
        for k, c in self.items():
            for _ in range(c):
                yield k

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError("Counter.fromkeys() is undefined.  Use Counter(iterable) instead.")

    def update(self, iterable=None, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict):
                for k, c in iterable.items():
                    self[k] = self[k] + c
            else:
                for k in iterable:
                    self[k] = self[k] + 1
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict):
                for k, c in iterable.items():
                    self[k] = self[k] - c
            else:
                for k in iterable:
                    self[k] = self[k] - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        return type(self)(self)

    def __delitem__(self, key):
        if key in self:
            super().__delitem__(key)

    def __repr__(self):
        if not self:
            return "%s()" % type(self).__name__
        return "%s({%s})" % (type(self).__name__,
                             ", ".join("%r: %r" % kv for kv in self.most_common()))

    __str__ = __repr__

    def _keep(self, pairs):
        r = Counter()
        for k, c in pairs:
            if c > 0:
                r[k] = c
        return r

    def __add__(self, other):
        keys = list(self) + [k for k in other if k not in self]
        return self._keep((k, self[k] + other[k]) for k in keys)

    def __sub__(self, other):
        return self._keep((k, self[k] - other[k]) for k in self)

    def __or__(self, other):
        keys = list(self) + [k for k in other if k not in self]
        return self._keep((k, max(self[k], other[k])) for k in keys)

    def __and__(self, other):
        return self._keep((k, min(self[k], other[k])) for k in self)

    def __pos__(self):
        return self._keep(self.items())

    def __neg__(self):
        return self._keep((k, -c) for k, c in self.items())

    def __eq__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[k] == other[k] for k in set(self) | set(other))


class deque:
    # A list and CPython's API: appends and pops at the right are O(1), at the left O(n) with
    # a small constant (devices hold short queues).
    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None and maxlen < 0:
            raise ValueError("maxlen must be non-negative")
        self._l = []
        self._max = maxlen
        self.extend(iterable)

    @property
    def maxlen(self):
        return self._max

    def append(self, x):
        self._l.append(x)
        if self._max is not None and len(self._l) > self._max:
            del self._l[0]

    def appendleft(self, x):
        self._l.insert(0, x)
        if self._max is not None and len(self._l) > self._max:
            self._l.pop()

    def extend(self, iterable):
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.append(x)

    def extendleft(self, iterable):
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.appendleft(x)

    def pop(self):
        if not self._l:
            raise IndexError("pop from an empty deque")
        return self._l.pop()

    def popleft(self):
        if not self._l:
            raise IndexError("pop from an empty deque")
        return self._l.pop(0)

    def clear(self):
        self._l.clear()

    def copy(self):
        return deque(self._l, self._max)

    __copy__ = copy

    def count(self, x):
        return self._l.count(x)

    def index(self, x, start=0, stop=None):
        l = self._l
        for i in range(start, len(l) if stop is None else min(stop, len(l))):
            if l[i] == x:
                return i
        raise ValueError("%r is not in deque" % (x,))

    def insert(self, i, x):
        if self._max is not None and len(self._l) >= self._max:
            raise IndexError("deque already at its maximum size")
        self._l.insert(i, x)

    def remove(self, value):
        try:
            self._l.remove(value)
        except ValueError:
            raise ValueError("%r is not in deque" % (value,))

    def reverse(self):
        self._l.reverse()

    def rotate(self, n=1):
        l = self._l
        if l:
            n %= len(l)
            if n:
                l[:] = l[-n:] + l[:-n]

    def __len__(self):
        return len(self._l)

    def __bool__(self):
        return bool(self._l)

    def __iter__(self):
        return iter(self._l)

    def __reversed__(self):
        return reversed(self._l)

    def __contains__(self, x):
        return x in self._l

    def __getitem__(self, i):
        if not isinstance(i, int):
            raise TypeError("sequence index must be integer, not '%s'" % type(i).__name__)
        try:
            return self._l[i]
        except IndexError:
            raise IndexError("deque index out of range")

    def __setitem__(self, i, x):
        try:
            self._l[i] = x
        except IndexError:
            raise IndexError("deque index out of range")

    def __delitem__(self, i):
        try:
            del self._l[i]
        except IndexError:
            raise IndexError("deque index out of range")

    def __eq__(self, other):
        return isinstance(other, deque) and self._l == other._l

    def __lt__(self, other):
        return self._l < other._l

    def __add__(self, other):
        d = self.copy()
        d.extend(other)
        return d

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __mul__(self, n):
        return deque(self._l * n, self._max)

    def __repr__(self):
        if self._max is None:
            return "deque(%r)" % (self._l,)
        return "deque(%r, maxlen=%d)" % (self._l, self._max)


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    # MicroPython's namedtuple type, under a subclass that adds CPython's helpers (the builtin
    # type takes no attributes, and a tuple subclass cannot take its own __new__: `defaults`
    # are recorded in _field_defaults but every field must be given).
    if isinstance(field_names, str):
        field_names = field_names.replace(",", " ").split()
    fields = tuple(str(f) for f in field_names)
    if rename:
        seen = set()
        fl = list(fields)
        for i, f in enumerate(fl):
            if (not f.replace("_", "a").isalnum() or f[0].isdigit() or f.startswith("_")
                    or f in seen):
                fl[i] = "_%d" % i
            seen.add(fl[i])
        fields = tuple(fl)
    base = _nt(typename, fields)
    dflt = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(fields):
            raise TypeError("Got more default values than field names")
        dflt = dict(zip(fields[len(fields) - len(defaults):], defaults))

    def _asdict(self):
        d = _odict()
        for f, v in zip(self._fields, self):
            d[f] = v
        return d

    def _replace(self, **kw):
        vals = [kw.pop(f, v) for f, v in zip(self._fields, self)]
        if kw:
            raise ValueError("Got unexpected field names: %r" % list(kw))
        return type(self)(*vals)

    def _make(cls, iterable):
        return cls(*iterable)

    def __repr__(self):
        return "%s(%s)" % (type(self).__name__,
                           ", ".join("%s=%r" % fv for fv in zip(self._fields, self)))

    def __getnewargs__(self):
        return tuple(self)

    ns = {"_fields": fields, "_field_defaults": dflt, "_asdict": _asdict, "_replace": _replace,
          "_make": classmethod(_make), "__repr__": __repr__, "__getnewargs__": __getnewargs__,
          "__slots__": (), "__module__": module or "collections"}
    return type(typename, (base,), ns)


class ChainMap:
    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    def __getitem__(self, key):
        for m in self.maps:
            if key in m:
                return m[key]
        return self.__missing__(key)

    def __missing__(self, key):
        raise KeyError(key)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __contains__(self, key):
        return any(key in m for m in self.maps)

    def __len__(self):
        s = set()
        for m in self.maps:
            s.update(m)
        return len(s)

    def __iter__(self):
        seen = []
        for m in reversed(self.maps):
            for k in m:
                if k not in seen:
                    seen.append(k)
        return iter(seen)

    def __bool__(self):
        return any(self.maps)

    def keys(self):
        return list(self)

    def items(self):
        return [(k, self[k]) for k in self]

    def values(self):
        return [self[k] for k in self]

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError("Key not found in the first mapping: %r" % (key,))

    def pop(self, key, *default):
        try:
            return self.maps[0].pop(key, *default)
        except KeyError:
            raise KeyError("Key not found in the first mapping: %r" % (key,))

    def clear(self):
        self.maps[0].clear()

    def new_child(self, m=None, **kwargs):
        if m is None:
            m = kwargs
        elif kwargs:
            m.update(kwargs)
        return type(self)(m, *self.maps)

    @property
    def parents(self):
        return type(self)(*self.maps[1:])

    def copy(self):
        return type(self)(self.maps[0].copy(), *self.maps[1:])

    def __repr__(self):
        return "%s(%s)" % (type(self).__name__, ", ".join(map(repr, self.maps)))


class UserDict:
    def __init__(self, dict=None, **kwargs):
        self.data = {}
        if dict is not None:
            self.update(dict)
        if kwargs:
            self.update(kwargs)

    def update(self, other=(), **kw):
        for k, v in (other.items() if hasattr(other, "items") else other):
            self[k] = v
        for k in kw:
            self[k] = kw[k]

    def __len__(self):
        return len(self.data)

    def __getitem__(self, key):
        if key in self.data:
            return self.data[key]
        if hasattr(type(self), "__missing__"):
            return self.__missing__(key)
        raise KeyError(key)

    def __setitem__(self, key, item):
        self.data[key] = item

    def __delitem__(self, key):
        del self.data[key]

    def __iter__(self):
        return iter(self.data)

    def __contains__(self, key):
        return key in self.data

    def get(self, key, default=None):
        return self[key] if key in self else default

    def keys(self):
        return self.data.keys()

    def items(self):
        return self.data.items()

    def values(self):
        return self.data.values()

    def pop(self, key, *default):
        return self.data.pop(key, *default)

    def setdefault(self, key, default=None):
        if key not in self:
            self[key] = default
        return self[key]

    def __repr__(self):
        return repr(self.data)

    def copy(self):
        c = type(self)()
        c.update(self.data)
        return c


class UserList:
    def __init__(self, initlist=None):
        self.data = [] if initlist is None else list(initlist)

    def __repr__(self):
        return repr(self.data)

    def __len__(self):
        return len(self.data)

    def __getitem__(self, i):
        return self.__class__(self.data[i]) if isinstance(i, slice) else self.data[i]

    def __setitem__(self, i, item):
        self.data[i] = item

    def __delitem__(self, i):
        del self.data[i]

    def __iter__(self):
        return iter(self.data)

    def __contains__(self, item):
        return item in self.data

    def __eq__(self, other):
        return self.data == (other.data if isinstance(other, UserList) else other)

    def append(self, item):
        self.data.append(item)

    def insert(self, i, item):
        self.data.insert(i, item)

    def pop(self, i=-1):
        return self.data.pop(i)

    def remove(self, item):
        self.data.remove(item)

    def extend(self, other):
        self.data.extend(other)

    def index(self, item, *args):
        return self.data.index(item, *args)

    def count(self, item):
        return self.data.count(item)

    def sort(self, *args, **kwds):
        self.data.sort(*args, **kwds)

    def reverse(self):
        self.data.reverse()


class UserString:
    def __init__(self, seq):
        self.data = seq.data if isinstance(seq, UserString) else str(seq)

    def __str__(self):
        return str(self.data)

    def __repr__(self):
        return repr(self.data)

    def __len__(self):
        return len(self.data)

    def __eq__(self, other):
        return self.data == (other.data if isinstance(other, UserString) else other)

    def __getattr__(self, n):
        return getattr(self.data, n)
