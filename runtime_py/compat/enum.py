# greenify: needs _gyreal
# greenify compat: CPython 3.11's `enum` on MicroPython, which has no metaclasses.  A class's
# plain attributes become members (instances of the class, with name/value) when the class is
# "sealed": at class creation when a value has __set_name__ (auto(), or the `_gy_seal` marker
# greenify may insert into the class body), else at the first Color(value) or members(Color).
# What needs a metaclass cannot exist: `for c in Color`, `len(Color)`, `Color["RED"]` on the
# class itself; `Color.__members__` and `enum.members(Color)` give the members instead.
import sys

if sys.implementation.name != "micropython":  # a host run: the real module
    __import__("_gyreal").real(__name__)

__all__ = ["Enum", "IntEnum", "StrEnum", "Flag", "IntFlag", "auto", "unique", "EnumMeta",
           "EnumType", "ReprEnum", "member", "nonmember", "verify", "UNIQUE", "CONTINUOUS",
           "NAMED_FLAGS", "FlagBoundary", "STRICT", "CONFORM", "EJECT", "KEEP", "global_enum",
           "property"]

_count = [0]  # creation order of auto() values (MicroPython's class dict keeps no order)


class auto:
    def __init__(self):
        _count[0] += 1
        self._n = _count[0]
        self.value = None

    def __set_name__(self, owner, name):
        _seal(owner)

    def __repr__(self):
        return "auto(%r)" % (self.value,)


class _Seal:
    # What greenify inserts into an Enum class body as `__gy_seal__ =
    # __import__("enum").__dict__.get("_gy_order", lambda *n: None)("RED", "GREEN")`: its
    # __set_name__ is the class-creation hook a metaclass would be, and the names are the body's
    # assignments in definition order (MicroPython's class dict has none). On CPython the value
    # is None, and a dunder is no member.
    def __init__(self, names=()):
        self.names = names

    def __set_name__(self, owner, name):
        try:
            delattr(owner, name)
        except AttributeError:
            pass
        if issubclass(owner, Enum):  # greenify picks enum classes by base name: be sure
            if self.names:
                owner._gy_names = self.names
            _seal(owner)


_gy_seal = _Seal()  # the marker of earlier greenify output (no names)


def _gy_order(*names):
    return _Seal(names)


class member:
    def __init__(self, value):
        self.value = value


class nonmember:
    def __init__(self, value):
        self.value = value


def _is_member(k, v):
    if k.startswith("_") or isinstance(v, (property, classmethod, staticmethod, nonmember)):
        return False
    if isinstance(v, (auto, member)):
        return True
    return not callable(v)


def _order(item):
    k, v = item
    if isinstance(v, auto):
        return (1, v._n, "")
    try:
        return (0, v if isinstance(v, (int, float)) else 0, k)  # by value, then by name
    except TypeError:
        return (0, 0, k)


def _seal(cls):
    d = cls.__dict__
    if "_gy_done" in d:
        return
    cls._gy_done = True
    items = [(k, v) for k, v in list(d.items()) if _is_member(k, v)]
    # A user __init__ runs once per member, here; Color(v) returns a member and MicroPython
    # would run __init__ on it again, so the class gets Enum's empty one from now on.
    init = None
    if "__init__" in _own_dicts(cls):
        init = cls.__init__
        cls.__init__ = Enum.__init__
    order = d.get("_gy_names")
    if order:  # definition order, from greenify's seal; names it did not see go after
        pos = {n: i for i, n in enumerate(order)}
        items.sort(key=lambda kv: (0, pos[kv[0]], "") if kv[0] in pos else (1,) + _order(kv))
    else:
        items.sort(key=_order)
    names = []
    from collections import OrderedDict  # __members__ in definition order
    by_name = OrderedDict()
    by_value = {}
    flag = issubclass(cls, Flag)
    for i, (k, v) in enumerate(items):
        if isinstance(v, member):
            v = v.value
        if isinstance(v, auto):
            if v.value is None:
                v.value = cls._generate_next_value_(k, 1, i, [by_name[n]._value_ for n in names])
            v = v.value
        if v in by_value:  # an alias
            m = by_value[v]
        else:
            m = object.__new__(cls)
            m._name_ = k
            m._value_ = v
            if init is not None:
                init(m, *(v if isinstance(v, tuple) else (v,)))
            by_value[v] = m
            names.append(k)
        by_name[k] = m
        setattr(cls, k, m)
    cls._member_names_ = names
    cls._member_map_ = by_name
    cls._value2member_map_ = by_value
    cls.__members__ = by_name
    if flag:
        cls._flag_mask_ = 0
        for n in names:
            cls._flag_mask_ |= by_name[n]._value_


def _own_dicts(cls):
    # The names defined by cls and its bases below Enum (a user __init__ counts, Enum's not).
    out = set()
    todo = [cls]
    while todo:
        c = todo.pop()
        if c in (Enum, IntEnum, StrEnum, Flag, IntFlag, ReprEnum, object):
            continue
        out.update(c.__dict__)
        todo.extend(c.__bases__)
    return out


def members(cls):
    """The members of an enum class in order (what `list(cls)` gives on CPython)."""
    _seal(cls)
    return [cls._member_map_[n] for n in cls._member_names_]


class Enum:
    def __new__(cls, value):
        # Color(1): look a member up (CPython's metaclass __call__).
        _seal(cls)
        if isinstance(value, cls):
            return value
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            pass
        r = cls._missing_(value)
        if isinstance(r, cls):
            return r
        raise ValueError("%r is not a valid %s" % (value, cls.__name__))

    def __init__(self, *args):
        pass

    @classmethod
    def _missing_(cls, value):
        return None

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        for v in reversed(last_values):
            try:
                return v + 1
            except TypeError:
                pass
        return start

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_

    def __repr__(self):
        return "<%s.%s: %r>" % (type(self).__name__, self._name_, self._value_)

    def __str__(self):
        return "%s.%s" % (type(self).__name__, self._name_)

    def __format__(self, spec):
        return format(str(self), spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return type(self), (self._value_,)

    @classmethod
    def _gy_lookup(cls, name):
        _seal(cls)
        return cls._member_map_[name]


class ReprEnum(Enum):
    pass


def _num(f):
    # An int operation on the members' values (MicroPython's ints have no __add__ to call).
    def op(self, *o):
        return f(self._value_, *[x._value_ if isinstance(x, Enum) else x for x in o])
    return op


class IntEnum(ReprEnum):
    # Members are not int instances on MicroPython (an int subclass cannot take its own
    # constructor there); they compare, hash, index and compute like their int values.
    def __str__(self):
        return str(self._value_)

    def __format__(self, spec):
        return format(self._value_, spec)

    def __int__(self):
        return self._value_

    __index__ = __int__

    def __eq__(self, other):
        return self._value_ == (other._value_ if isinstance(other, Enum) else other)

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash(self._value_)

    def __bool__(self):
        return bool(self._value_)


for _n, _f in (("__lt__", lambda a, b: a < b), ("__le__", lambda a, b: a <= b),
               ("__gt__", lambda a, b: a > b), ("__ge__", lambda a, b: a >= b),
               ("__add__", lambda a, b: a + b), ("__sub__", lambda a, b: a - b),
               ("__mul__", lambda a, b: a * b), ("__floordiv__", lambda a, b: a // b),
               ("__truediv__", lambda a, b: a / b), ("__mod__", lambda a, b: a % b),
               ("__pow__", lambda a, b: a ** b), ("__radd__", lambda a, b: b + a),
               ("__rsub__", lambda a, b: b - a), ("__rmul__", lambda a, b: b * a),
               ("__lshift__", lambda a, b: a << b), ("__rshift__", lambda a, b: a >> b),
               ("__neg__", lambda a: -a), ("__abs__", lambda a: abs(a))):
    setattr(IntEnum, _n, _num(_f))
del _n, _f


class StrEnum(ReprEnum):
    def __str__(self):
        return self._value_

    def __format__(self, spec):
        return format(self._value_, spec)

    def __eq__(self, other):
        return self._value_ == (other._value_ if isinstance(other, Enum) else other)

    def __hash__(self):
        return hash(self._value_)

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()

    def __getattr__(self, n):
        return getattr(self._value_, n)


class Flag(Enum):
    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return start
        high = 1
        for v in last_values:
            while high <= v:
                high <<= 1
        return high

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            return None
        m = object.__new__(cls)
        m._value_ = value
        parts = [n for n in cls._member_names_
                 if cls._member_map_[n]._value_ and cls._member_map_[n]._value_ & value
                 == cls._member_map_[n]._value_ and bin(cls._member_map_[n]._value_).count("1") == 1]
        covered = 0
        for n in parts:
            covered |= cls._member_map_[n]._value_
        if covered != value and not issubclass(cls, IntFlag):
            return None
        m._name_ = "|".join(parts) if parts and covered == value else None
        cls._value2member_map_[value] = m
        return m

    def __repr__(self):
        if self._name_ is None:
            return "<%s: %r>" % (type(self).__name__, self._value_)
        return "<%s.%s: %r>" % (type(self).__name__, self._name_, self._value_)

    def __str__(self):
        if self._name_ is None:
            return "%s(%r)" % (type(self).__name__, self._value_)
        return "%s.%s" % (type(self).__name__, self._name_)

    def __contains__(self, other):
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        cls = type(self)
        for n in cls._member_names_:
            v = cls._member_map_[n]._value_
            if v and v & self._value_ == v and bin(v).count("1") == 1:
                yield cls._member_map_[n]

    def __len__(self):
        return bin(self._value_).count("1")

    def __bool__(self):
        return bool(self._value_)

    def __or__(self, other):
        return type(self)(self._value_ | _v(other))

    def __and__(self, other):
        return type(self)(self._value_ & _v(other))

    def __xor__(self, other):
        return type(self)(self._value_ ^ _v(other))

    def __invert__(self):
        cls = type(self)
        _seal(cls)
        return cls(cls._flag_mask_ & ~self._value_)

    def __eq__(self, other):
        return isinstance(other, type(self)) and self._value_ == other._value_

    def __hash__(self):
        return hash(self._value_)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__


def _v(x):
    return x._value_ if isinstance(x, Enum) else x


class IntFlag(Flag):
    def __str__(self):
        return str(self._value_)

    def __format__(self, spec):
        return format(self._value_, spec)

    def __int__(self):
        return self._value_

    __index__ = __int__

    def __eq__(self, other):
        return self._value_ == _v(other)

    def __hash__(self):
        return hash(self._value_)


EnumMeta = EnumType = Enum  # no metaclass: the base stands in where code names it


def unique(enumeration):
    _seal(enumeration)
    dup = [(k, m._name_) for k, m in enumeration._member_map_.items() if k != m._name_]
    if dup:
        raise ValueError("duplicate values found in <enum %r>: %s" % (
            enumeration.__name__, ", ".join("%s -> %s" % d for d in dup)))
    return enumeration


class FlagBoundary:
    STRICT = "strict"
    CONFORM = "conform"
    EJECT = "eject"
    KEEP = "keep"


STRICT, CONFORM, EJECT, KEEP = "strict", "conform", "eject", "keep"
UNIQUE, CONTINUOUS, NAMED_FLAGS = "unique", "no skipped integer values", "multi-flag aliases may not contain unnamed flags"


def verify(*checks):
    return lambda enumeration: enumeration


def global_enum(cls):
    return cls


property = property
