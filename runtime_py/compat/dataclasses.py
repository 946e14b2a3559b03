# greenify: needs _gyreal
# greenify compat: CPython's `dataclasses` on MicroPython (the port has none).
#
# MicroPython drops annotations: `id: int` in a class body leaves no trace and a class's
# namespace is not ordered, so the fields cannot be found at run time. greenify's rewrite keeps
# them (both backends, no line moves): after each annotated statement of a class decorated with
# `dataclass` it appends `; __gyann__ += (("id", "int"),)` (the first one assigns), an ordered
# tuple of (name, annotation text). `dataclass` reads it, deletes it, and builds the methods as
# plain functions over the field list (no exec: boards may build without the compiler).
# Field types are the annotation texts, as under `from __future__ import annotations`.
import sys

if sys.implementation.name != "micropython":  # a host run: the real module
    __import__("_gyreal").real(__name__)

__all__ = [
    "dataclass", "field", "Field", "FrozenInstanceError", "InitVar", "KW_ONLY", "MISSING",
    "fields", "asdict", "astuple", "make_dataclass", "replace", "is_dataclass",
]


class _MissingType:
    def __repr__(self):
        return "MISSING"


MISSING = _MissingType()


class _KwOnly:
    pass


KW_ONLY = _KwOnly


class FrozenInstanceError(AttributeError):
    pass


class InitVar:
    def __init__(self, type):
        self.type = type

    def __class_getitem__(cls, t):
        return InitVar(t)


class Field:
    __slots__ = (
        "name", "type", "default", "default_factory", "init", "repr", "hash", "compare",
        "metadata", "kw_only", "_kind",
    )

    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else metadata
        self.kw_only = kw_only
        self._kind = "field"  # or "classvar", "initvar"

    def __repr__(self):
        return (
            "Field(name=%r,type=%r,default=%r,default_factory=%r,init=%r,repr=%r,hash=%r,"
            "compare=%r,metadata=%r,kw_only=%r,_field_type=_FIELD)"
            % (self.name, self.type, self.default, self.default_factory, self.init, self.repr,
               self.hash, self.compare, self.metadata, self.kw_only)
        )


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None,
          compare=True, metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _qualname(cls):
    return getattr(cls, "__qualname__", cls.__name__)


def _kind_of(ann):
    a = ann.strip()
    for pre in ("typing.", "dataclasses."):
        if a.startswith(pre):
            a = a[len(pre):]
    if a == "ClassVar" or a.startswith("ClassVar["):
        return "classvar"
    if a.startswith("InitVar"):
        return "initvar"
    if a == "KW_ONLY":
        return "kwonly"
    return "field"


def _own_annotations(cls):
    # [(name, annotation text)] in source order: the rewrite's tuple (MicroPython); CPython's
    # __annotations__ (only reached when this file runs on CPython without the real module)
    ann = cls.__dict__.get("__gyann__")
    if ann is not None:
        try:
            delattr(cls, "__gyann__")
        except (AttributeError, TypeError):
            pass
        return list(ann)
    ann = cls.__dict__.get("__annotations__")
    if ann:
        return [(k, v if isinstance(v, str) else getattr(v, "__name__", repr(v))) for k, v in ann.items()]
    return []


_MUTABLE = (list, dict, set, bytearray)


def _collect(cls, kw_only_default):
    fields = {}
    order = []
    for base in reversed(cls.__mro__[1:] if hasattr(cls, "__mro__") else _bases(cls)):
        for f in getattr(base, "__gyfields__", ()):
            if f.name not in fields:
                order.append(f.name)
            fields[f.name] = f
    kw_only = kw_only_default
    for name, ann in _own_annotations(cls):
        kind = _kind_of(ann)
        if kind == "kwonly":
            kw_only = True
            continue
        value = cls.__dict__.get(name, MISSING)
        if isinstance(value, Field):
            f = value
        else:
            f = Field(value, MISSING, True, True, None, True, None, MISSING)
        f.name = name
        f.type = ann
        f._kind = kind
        if f.kw_only is MISSING:
            f.kw_only = kw_only
        if kind == "field" and isinstance(f.default, _MUTABLE):
            raise ValueError(
                "mutable default %s for field %s is not allowed: use default_factory"
                % (type(f.default), name)
            )
        # the class attribute is the default value (none for a factory or no default)
        if isinstance(value, Field):
            if f.default is MISSING:
                try:
                    delattr(cls, name)
                except AttributeError:
                    pass
            else:
                setattr(cls, name, f.default)
        if name not in fields:
            order.append(name)
        fields[name] = f
    return [fields[n] for n in order]


def _bases(cls):
    # MicroPython classes have no __mro__: a depth-first walk of __bases__, nearest first
    out = []
    todo = list(cls.__bases__)
    while todo:
        b = todo.pop(0)
        if b not in out and b is not object:
            out.append(b)
            todo[:0] = list(b.__bases__)
    return out


def _init_fields(flist):
    return [f for f in flist if f._kind != "classvar" and f.init]


def _check_order(cls, flist):
    seen_default = False
    for f in _init_fields(flist):
        if f.kw_only:
            continue
        if f.default is not MISSING or f.default_factory is not MISSING:
            seen_default = True
        elif seen_default:
            raise TypeError("non-default argument %r follows default argument" % f.name)


def _make_init(cls, flist, frozen):
    init = _init_fields(flist)
    pos = [f for f in init if not f.kw_only]
    kwo = [f for f in init if f.kw_only]
    names = [f.name for f in init]
    rest = [f for f in flist if f._kind == "field" and not f.init]
    has_post = hasattr(cls, "__post_init__")
    qual = _qualname(cls)

    def __init__(self, *args, **kw):
        if len(args) > len(pos):
            low = len([f for f in pos if f.default is MISSING and f.default_factory is MISSING])
            takes = "%d" % (len(pos) + 1) if low == len(pos) else "from %d to %d" % (low + 1, len(pos) + 1)
            raise TypeError(
                "%s.__init__() takes %s positional argument%s but %d %s given"
                % (qual, takes, "" if len(pos) == 0 else "s", len(args) + 1, "was" if len(args) == 0 else "were")
            )
        values = {}
        for f, a in zip(pos, args):
            values[f.name] = a
        for k in kw:
            if k not in names:
                raise TypeError("%s.__init__() got an unexpected keyword argument %r" % (qual, k))
            if k in values:
                raise TypeError("%s.__init__() got multiple values for argument %r" % (qual, k))
            values[k] = kw[k]
        for group, what in ((pos, "positional"), (kwo, "keyword-only")):
            missing = [f.name for f in group if f.name not in values
                       and f.default is MISSING and f.default_factory is MISSING]
            if missing:
                raise TypeError("%s.__init__() missing %d required %s argument%s: %s" % (
                    qual, len(missing), what, "" if len(missing) == 1 else "s", _and_list(missing)))
        post = []
        for f in init:
            if f.name in values:
                v = values[f.name]
            elif f.default_factory is not MISSING:
                v = f.default_factory()
            else:
                v = f.default
            if f._kind == "initvar":
                post.append(v)
            elif frozen:
                object.__setattr__(self, f.name, v)
            else:
                setattr(self, f.name, v)
        for f in rest:
            if f.default_factory is not MISSING:
                v = f.default_factory()
            elif f.default is not MISSING:
                v = f.default
            else:
                continue
            if frozen:
                object.__setattr__(self, f.name, v)
            else:
                setattr(self, f.name, v)
        if has_post:
            self.__post_init__(*post)

    return __init__


def _and_list(names):
    q = ["'%s'" % n for n in names]
    if len(q) == 1:
        return q[0]
    if len(q) == 2:
        return q[0] + " and " + q[1]
    return ", ".join(q[:-1]) + ", and " + q[-1]


_repr_running = set()


def _make_repr(flist):
    shown = [f.name for f in flist if f._kind == "field" and f.repr]

    def __repr__(self):
        key = id(self)
        if key in _repr_running:
            return "..."
        _repr_running.add(key)
        try:
            inner = ", ".join("%s=%r" % (n, getattr(self, n)) for n in shown)
        finally:
            _repr_running.discard(key)
        return "%s(%s)" % (_qualname(type(self)), inner)

    return __repr__


def _cmp_tuple(self, names):
    return tuple(getattr(self, n) for n in names)


def _make_cmp(names, op):
    def cmp(self, other):
        if other.__class__ is not self.__class__:
            return NotImplemented
        return op(_cmp_tuple(self, names), _cmp_tuple(other, names))

    return cmp


def _make_hash(names):
    def __hash__(self):
        return hash(_cmp_tuple(self, names))

    return __hash__


def _unhashable(self):
    raise TypeError("unhashable type: '%s'" % type(self).__name__)


def _frozen_setattr(self, name, value):
    if type(self) in _frozen_classes:
        raise FrozenInstanceError("cannot assign to field '%s'" % name)
    object.__setattr__(self, name, value)


def _frozen_delattr(self, name):
    if type(self) in _frozen_classes:
        raise FrozenInstanceError("cannot delete field '%s'" % name)
    object.__delattr__(self, name)


_frozen_classes = set()


def _process(cls, init, repr, eq, order, unsafe_hash, frozen, kw_only):
    flist = _collect(cls, kw_only)
    _check_order(cls, flist)
    cls.__gyfields__ = tuple(flist)
    cls.__dataclass_fields__ = {f.name: f for f in flist}
    real = [f for f in flist if f._kind == "field"]
    own = cls.__dict__
    if init:
        cls.__init__ = _make_init(cls, flist, frozen)
    if repr and "__repr__" not in own:
        cls.__repr__ = _make_repr(flist)
    cmp_names = [f.name for f in real if f.compare]
    if eq and "__eq__" not in own:
        cls.__eq__ = _make_cmp(cmp_names, lambda a, b: a == b)
    if order:
        for name, op in (
            ("__lt__", lambda a, b: a < b), ("__le__", lambda a, b: a <= b),
            ("__gt__", lambda a, b: a > b), ("__ge__", lambda a, b: a >= b),
        ):
            if name in own:
                raise TypeError(
                    "Cannot overwrite attribute %s in class %s. Consider using functools.total_ordering"
                    % (name, cls.__name__)
                )
            setattr(cls, name, _make_cmp(cmp_names, op))
    if frozen:
        _frozen_classes.add(cls)
        cls.__setattr__ = _frozen_setattr
        cls.__delattr__ = _frozen_delattr
    hash_names = [f.name for f in real if (f.compare if f.hash is None else f.hash)]
    if "__hash__" not in own or own.get("__hash__") is None:
        if unsafe_hash or (eq and frozen):
            cls.__hash__ = _make_hash(hash_names)
        elif eq:
            cls.__hash__ = _unhashable
    cls.__match_args__ = tuple(f.name for f in _init_fields(real) if not f.kw_only)
    return cls


def dataclass(cls=None, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False,
              frozen=False, match_args=True, kw_only=False, slots=False, weakref_slot=False):
    if order and not eq:
        raise ValueError("eq must be true if order is true")

    def wrap(c):
        return _process(c, init, repr, eq, order, unsafe_hash, frozen, kw_only)

    if cls is None:
        return wrap
    return wrap(cls)


def _fields_of(obj):
    fl = getattr(obj, "__gyfields__", None)
    if fl is None:
        raise TypeError("must be called with a dataclass type or instance")
    return fl


def fields(class_or_instance):
    return tuple(f for f in _fields_of(class_or_instance) if f._kind == "field")


def is_dataclass(obj):
    return hasattr(obj, "__gyfields__")


def _copy(obj, factory, tuple_mode):
    if hasattr(type(obj), "__gyfields__") and not isinstance(obj, type):
        vals = [(f.name, _copy(getattr(obj, f.name), factory, tuple_mode)) for f in fields(obj)]
        return factory(v for _, v in vals) if tuple_mode else factory(vals)
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return type(obj)(*[_copy(v, factory, tuple_mode) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_copy(v, factory, tuple_mode) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_copy(k, factory, tuple_mode), _copy(v, factory, tuple_mode)) for k, v in obj.items())
    return obj


def asdict(obj, *, dict_factory=dict):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError("asdict() should be called on dataclass instances")
    return _copy(obj, dict_factory, False)


def astuple(obj, *, tuple_factory=tuple):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError("astuple() should be called on dataclass instances")
    return _copy(obj, tuple_factory, True)


def replace(obj, **changes):
    kw = {}
    for f in _fields_of(obj):
        if f._kind == "classvar":
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError(
                    "field %s is declared with init=False, it cannot be specified with replace()" % f.name
                )
            continue
        if f.name in changes:
            kw[f.name] = changes.pop(f.name)
        elif f._kind == "initvar":
            raise ValueError("InitVar %r must be specified with replace()" % f.name)
        else:
            kw[f.name] = getattr(obj, f.name)
    if changes:
        raise TypeError("%s.__init__() got an unexpected keyword argument %r" % (_qualname(type(obj)), next(iter(changes))))
    return type(obj)(**kw)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, **kw):
    ns = dict(namespace or {})
    ann = []
    for item in fields:
        if isinstance(item, str):
            ann.append((item, "typing.Any"))
        elif len(item) == 2:
            ann.append((item[0], _type_text(item[1])))
        else:
            ann.append((item[0], _type_text(item[1])))
            ns[item[0]] = item[2]
    ns["__gyann__"] = tuple(ann)
    cls = type(cls_name, tuple(bases) or (object,), ns)
    return dataclass(cls, **kw)


def _type_text(t):
    return t if isinstance(t, str) else getattr(t, "__name__", repr(t))
