# greenify: needs _gyreal, collections
# greenify compat: CPython 3.11's `typing` on MicroPython: every name importable, the special
# forms and generic aliases subscriptable with CPython's reprs, get_origin/get_args.
# MicroPython never evaluates annotations, so what matters is what runs: aliases built at
# module level, TypeVar/NewType/cast/overload/final, Generic[T] and Protocol as bases,
# NamedTuple's functional form.  One small class stands for every alias (memory).
import sys

if sys.implementation.name != "micropython":  # a host run: the real module
    __import__("_gyreal").real(__name__)

TYPE_CHECKING = False


def _name(t):
    # How CPython's typing shows a type argument.
    if t is None or t is type(None):
        return "NoneType" if t is not None else "None"
    if isinstance(t, (_Form, TypeVar)):
        return repr(t)
    if t is Ellipsis:
        return "..."
    if isinstance(t, list):
        return "[%s]" % ", ".join(_name(a) for a in t)
    if isinstance(t, type):
        m = getattr(t, "__module__", None)
        n = getattr(t, "__qualname__", t.__name__)
        return n if m in (None, "builtins") else "%s.%s" % (m, n)
    return repr(t)


class _Form:
    # A special form or generic alias: `typing.List`, `typing.List[int]`, `typing.Any`...
    def __init__(self, name, origin=None, args=None, nparams=-1):
        self._name = name
        self.__origin__ = origin
        self.__args__ = args
        self._n = nparams

    def __getitem__(self, params):
        if self.__args__ is not None and self._name not in ("Annotated",):
            raise TypeError("%r is not a generic class" % self)
        if not isinstance(params, tuple):
            params = (params,)
        n = self._name
        if n == "Union":
            return _union(params)
        if n == "Optional":
            if len(params) != 1:
                raise TypeError("typing.Optional requires a single type.")
            return _union((params[0], None))
        if n == "Generic":
            return _GenericBase
        if n == "Callable" and len(params) == 2 and isinstance(params[0], list):
            params = tuple(type(None) if p is None else p for p in params[0] + [params[1]])
            f = _Form(n, self.__origin__, params)
            f._cargs = True
            return f
        if n in ("ClassVar", "Final") and len(params) != 1:
            raise TypeError("%s accepts only single type." % n)
        return _Form(n, self.__origin__, tuple(None.__class__ if p is None else p
                                              for p in params))

    def __repr__(self):
        n = "typing." + self._name
        a = self.__args__
        if a is None:
            return n
        if self._name == "Union" and len(a) == 2 and type(None) in a:
            other = a[0] if a[1] is type(None) else a[1]
            return "typing.Optional[%s]" % _name(other)
        if getattr(self, "_cargs", False):
            return "%s[[%s], %s]" % (n, ", ".join(_name(x) for x in a[:-1]), _name(a[-1]))
        if self._name == "Tuple" and a == ():
            return n + "[()]"
        return "%s[%s]" % (n, ", ".join(_name(x) for x in a))

    def __call__(self, *args, **kwargs):
        o = self.__origin__
        if o is None or self._name in ("Union", "Optional", "Any", "Callable"):
            raise TypeError("Cannot instantiate %r" % self)
        return o(*args, **kwargs)

    def __eq__(self, other):
        if not isinstance(other, _Form):
            return NotImplemented
        if self._name == "Union" and other._name == "Union" and self.__args__ and other.__args__:
            return set(self.__args__) == set(other.__args__)
        return self._name == other._name and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self._name, self.__args__))

    def __or__(self, other):
        return _union((self, other))

    def __ror__(self, other):
        return _union((other, self))

    def copy_with(self, params):
        return _Form(self._name, self.__origin__, params)


def _union(params):
    flat = []
    for p in params:
        if p is None:
            p = type(None)
        if isinstance(p, _Form) and p._name == "Union" and p.__args__:
            ps = p.__args__
        else:
            ps = (p,)
        for q in ps:
            if q not in flat:
                flat.append(q)
    if len(flat) == 1:
        return flat[0]
    return _Form("Union", None, tuple(flat))


class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        return ("+" if self.__covariant__ else "-" if self.__contravariant__ else "~") + \
            self.__name__

    def __or__(self, other):
        return _union((self, other))


class ParamSpec(TypeVar):
    @property
    def args(self):
        return ParamSpecArgs(self)

    @property
    def kwargs(self):
        return ParamSpecKwargs(self)


class ParamSpecArgs:
    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return "%s.args" % self.__origin__.__name__


class ParamSpecKwargs(ParamSpecArgs):
    def __repr__(self):
        return "%s.kwargs" % self.__origin__.__name__


class TypeVarTuple(TypeVar):
    def __repr__(self):
        return self.__name__


AnyStr = TypeVar("AnyStr", bytes, str)


class _GenericBase:
    # What `Generic[T]` (and `Protocol[T]`) give as a base: MicroPython's classes cannot be
    # subscripted, so `Box[int]` is not available; `Box()` is.
    pass


class Protocol(_GenericBase):
    pass


def _mk(name, origin=None):
    return _Form(name, origin)


def _import(modname, attr):
    try:
        m = __import__(modname, None, None, [attr])
        return getattr(m, attr, None)
    except ImportError:
        return None


# The forms are made on first use (module __getattr__, also asked by `from typing import X`):
# a program that imports five names does not pay for sixty.  name -> origin.
_FORMS = {
    "Any": None, "NoReturn": None, "Never": None, "Self": None, "LiteralString": None,
    "TypeAlias": None, "Union": None, "Optional": None, "ClassVar": None, "Final": None,
    "Literal": None, "Annotated": None, "Concatenate": None, "TypeGuard": None,
    "Required": None, "NotRequired": None, "Unpack": None, "Generic": None, "List": list,
    "Dict": dict, "Set": set, "FrozenSet": frozenset, "Tuple": tuple, "Type": type,
    "Callable": None, "AbstractSet": None, "ContextManager": None, "AsyncContextManager": None,
    "DefaultDict": None, "OrderedDict": None, "Counter": None, "ChainMap": None, "Deque": None,
    "Pattern": None, "Match": None, "IO": None, "TextIO": None, "BinaryIO": None,
}
for _n in ("Iterable", "Iterator", "Generator", "Sequence", "MutableSequence", "Mapping",
           "MutableMapping", "Container", "Collection", "Sized", "Hashable", "Reversible",
           "Awaitable", "Coroutine", "AsyncIterable", "AsyncIterator", "AsyncGenerator",
           "ByteString", "MappingView", "KeysView", "ItemsView", "ValuesView", "MutableSet"):
    _FORMS[_n] = None
_PROTOS = ("SupportsAbs", "SupportsBytes", "SupportsComplex", "SupportsFloat", "SupportsIndex",
           "SupportsInt", "SupportsRound")
Text = str


def __getattr__(name):
    if name in _FORMS:
        f = globals()[name] = _mk(name, _FORMS[name])
        return f
    if name in _PROTOS:
        return Protocol
    raise AttributeError(name)


def _late_origin(name):
    # collections' types are found when first asked for (importing collections here would
    # ship and load it for every program that only writes annotations).
    return {"DefaultDict": ("collections", "defaultdict"), "OrderedDict": ("collections", "OrderedDict"),
            "Counter": ("collections", "Counter"), "ChainMap": ("collections", "ChainMap"),
            "Deque": ("collections", "deque")}.get(name)


def cast(typ, val):
    return val


def assert_type(val, typ):
    return val


def assert_never(arg):
    raise AssertionError("Expected code to be unreachable, but got: %s" % repr(arg)[:100])


def reveal_type(obj):
    print("Runtime type is %r" % type(obj).__name__, file=sys.stderr)
    return obj


_overloads = {}


def overload(func):
    _overloads.setdefault(getattr(func, "__name__", None), []).append(func)

    def _overload_dummy(*args, **kwds):
        raise NotImplementedError(
            "You should not call an overloaded function. A series of @typing.overload-decorated "
            "functions outside a stub module should always be followed by an implementation "
            "that is not @typing.overload-decorated.")
    return _overload_dummy


def get_overloads(func):
    return list(_overloads.get(getattr(func, "__name__", None), ()))


def clear_overloads():
    _overloads.clear()


def final(f):
    return f


def no_type_check(arg):
    return arg


def no_type_check_decorator(decorator):
    return decorator


def runtime_checkable(cls):
    return cls


def dataclass_transform(**kwargs):
    return lambda cls_or_fn: cls_or_fn


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    return {}  # MicroPython keeps no annotations


def get_origin(tp):
    if isinstance(tp, _Form):
        if tp.__args__ is None:
            return None
        if tp._name in ("Union", "Literal", "ClassVar", "Final", "Annotated", "Concatenate"):
            return _mk(tp._name)
        if tp.__origin__ is not None:
            return tp.__origin__
        late = _late_origin(tp._name)
        if late:
            return _import(*late)
        if tp._name in ("Callable", "Iterable", "Iterator", "Generator", "Sequence", "Mapping",
                        "MutableMapping", "MutableSequence", "Awaitable", "Coroutine",
                        "AbstractSet", "Container", "Collection", "Sized", "Hashable"):
            name = "Set" if tp._name == "AbstractSet" else tp._name
            return _import("collections.abc", name)
    if isinstance(tp, _Form) and tp._name == "Generic":
        return tp
    return None


def get_args(tp):
    if isinstance(tp, _Form) and tp.__args__ is not None:
        a = tp.__args__
        if getattr(tp, "_cargs", False):
            return (list(a[:-1]), a[-1])
        return a
    return ()


def is_typeddict(tp):
    return isinstance(tp, type) and issubclass(tp, dict) and tp is not dict and \
        getattr(tp, "_gy_typeddict", False)


class ForwardRef:
    def __init__(self, arg, is_argument=True, module=None, *, is_class=False):
        self.__forward_arg__ = arg

    def __repr__(self):
        return "ForwardRef(%r)" % self.__forward_arg__

    def __eq__(self, other):
        return isinstance(other, ForwardRef) and self.__forward_arg__ == other.__forward_arg__

    def __hash__(self):
        return hash(self.__forward_arg__)


class NewType:
    def __init__(self, name, tp):
        self.__name__ = name
        self.__qualname__ = name
        self.__supertype__ = tp

    def __call__(self, x):
        return x

    def __repr__(self):
        return "__main__.%s" % self.__name__

    def __or__(self, other):
        return _union((self, other))


class NamedTuple:
    # The functional form `NamedTuple("P", [("x", int)])` (also with keywords).  The class
    # form needs the field annotations, which MicroPython's compiler drops.
    def __new__(cls, typename=None, fields=None, **kwargs):
        if cls is not NamedTuple:
            raise TypeError("greenify: `class %s(NamedTuple)` needs field annotations, which "
                            "MicroPython does not keep; use collections.namedtuple" % cls.__name__)
        from collections import namedtuple
        if fields is None:
            fields = list(kwargs.items())
        return namedtuple(typename, [f for f, _ in fields])


class TypedDict(dict):
    # `class Movie(TypedDict)`: instances are dicts made from keywords or a mapping.
    _gy_typeddict = True

    def __init__(self, *args, **kwargs):
        super().__init__()  # the native dict part, empty (MicroPython lets __init__ make it)
        if args:
            src = args[0]
            for k, v in (src.items() if hasattr(src, "items") else src):
                self[k] = v
        for k in kwargs:
            self[k] = kwargs[k]



__all__ = ["Annotated", "Any", "Callable", "ClassVar", "Concatenate", "Final", "ForwardRef",
           "Generic", "Literal", "Optional", "ParamSpec", "Protocol", "Tuple", "Type", "TypeVar",
           "TypeVarTuple", "Union", "AbstractSet", "ByteString", "Container", "ContextManager",
           "Hashable", "ItemsView", "Iterable", "Iterator", "KeysView", "Mapping",
           "MappingView", "MutableMapping", "MutableSequence", "MutableSet", "Sequence",
           "Sized", "ValuesView", "Awaitable", "AsyncIterator", "AsyncIterable", "Coroutine",
           "Collection", "AsyncGenerator", "AsyncContextManager", "Reversible", "SupportsAbs",
           "SupportsBytes", "SupportsComplex", "SupportsFloat", "SupportsIndex", "SupportsInt",
           "SupportsRound", "ChainMap", "Counter", "Deque", "Dict", "DefaultDict", "List",
           "OrderedDict", "Set", "FrozenSet", "NamedTuple", "TypedDict", "Generator",
           "BinaryIO", "IO", "Match", "Pattern", "TextIO", "AnyStr", "assert_type",
           "assert_never", "cast", "clear_overloads", "dataclass_transform", "final",
           "get_args", "get_origin", "get_overloads", "get_type_hints", "is_typeddict",
           "LiteralString", "Never", "NewType", "no_type_check", "no_type_check_decorator",
           "NoReturn", "NotRequired", "overload", "ParamSpecArgs", "ParamSpecKwargs",
           "Required", "reveal_type", "runtime_checkable", "Self", "Text", "TYPE_CHECKING",
           "TypeAlias", "TypeGuard", "Unpack"]
