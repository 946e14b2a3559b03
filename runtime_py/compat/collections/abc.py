# greenify: needs abc, _gyreal
# greenify compat: CPython's `collections.abc` on MicroPython.  The ABCs are classes built on
# compat abc.ABC (subclass them: abstract methods are refused, mixin methods come along).
# MicroPython's isinstance cannot be taught by a metaclass, so loading this module makes
# builtins.isinstance/issubclass ask the ABCs (abc._hook): the builtin types are registered
# below as CPython registers them, and the one-method ABCs (Iterable, Sized, Callable...)
# recognise any class with those methods, as CPython's __subclasshook__ does.
import sys

if sys.implementation.name != "micropython":  # a host run: the real module
    __import__("_gyreal").real(__name__)

from abc import ABC, abstractmethod, _hooks, _hook

__all__ = ["Awaitable", "Coroutine", "AsyncIterable", "AsyncIterator", "AsyncGenerator",
           "Hashable", "Iterable", "Iterator", "Generator", "Reversible", "Sized", "Container",
           "Callable", "Collection", "Set", "MutableSet", "Mapping", "MutableMapping",
           "MappingView", "KeysView", "ItemsView", "ValuesView", "Sequence", "MutableSequence",
           "ByteString"]


def _has(C, *names):
    # Each method defined and not blocked with None (CPython's _check_methods).
    for n in names:
        if getattr(C, n, None) is None:
            return False
    return True


class Hashable(ABC):
    @abstractmethod
    def __hash__(self):
        return 0


class Awaitable(ABC):
    @abstractmethod
    def __await__(self):
        yield


class Coroutine(Awaitable):
    @abstractmethod
    def send(self, value):
        raise StopIteration

    @abstractmethod
    def throw(self, typ, val=None, tb=None):
        raise typ if val is None else val

    def close(self):
        try:
            self.throw(GeneratorExit)
        except (GeneratorExit, StopIteration):
            pass
        else:
            raise RuntimeError("coroutine ignored GeneratorExit")


class AsyncIterable(ABC):
    @abstractmethod
    def __aiter__(self):
        return AsyncIterator()


class AsyncIterator(AsyncIterable):
    @abstractmethod
    async def __anext__(self):
        raise StopAsyncIteration

    def __aiter__(self):
        return self


class AsyncGenerator(AsyncIterator):
    async def __anext__(self):
        return await self.asend(None)

    @abstractmethod
    async def asend(self, value):
        raise StopAsyncIteration

    @abstractmethod
    async def athrow(self, typ, val=None, tb=None):
        raise typ if val is None else val


class Iterable(ABC):
    @abstractmethod
    def __iter__(self):
        while False:
            yield None


class Iterator(Iterable):
    @abstractmethod
    def __next__(self):
        raise StopIteration

    def __iter__(self):
        return self


class Reversible(Iterable):
    @abstractmethod
    def __reversed__(self):
        while False:
            yield None


class Generator(Iterator):
    def __next__(self):
        return self.send(None)

    @abstractmethod
    def send(self, value):
        raise StopIteration

    @abstractmethod
    def throw(self, typ, val=None, tb=None):
        raise typ if val is None else val

    def close(self):
        try:
            self.throw(GeneratorExit)
        except (GeneratorExit, StopIteration):
            pass
        else:
            raise RuntimeError("generator ignored GeneratorExit")


class Sized(ABC):
    @abstractmethod
    def __len__(self):
        return 0


class Container(ABC):
    @abstractmethod
    def __contains__(self, x):
        return False


class Collection(Sized, Iterable, Container):
    pass


class Callable(ABC):
    @abstractmethod
    def __call__(self, *args, **kwds):
        return False


class Set(Collection):
    def __le__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) <= len(other) and all(e in other for e in self)

    def __lt__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) < len(other) and self.__le__(other)

    def __gt__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) > len(other) and self.__ge__(other)

    def __ge__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) >= len(other) and all(e in self for e in other)

    def __eq__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) == len(other) and self.__le__(other)

    @classmethod
    def _from_iterable(cls, it):
        return cls(it)

    def __and__(self, other):
        if not isinstance(other, Iterable):
            return NotImplemented
        return self._from_iterable(v for v in other if v in self)

    __rand__ = __and__

    def isdisjoint(self, other):
        return not any(v in self for v in other)

    def __or__(self, other):
        if not isinstance(other, Iterable):
            return NotImplemented
        return self._from_iterable([e for s in (self, other) for e in s])

    __ror__ = __or__

    def __sub__(self, other):
        if not isinstance(other, Set):
            if not isinstance(other, Iterable):
                return NotImplemented
            other = self._from_iterable(other)
        return self._from_iterable(v for v in self if v not in other)

    def __xor__(self, other):
        if not isinstance(other, Set):
            if not isinstance(other, Iterable):
                return NotImplemented
            other = self._from_iterable(other)
        return (self - other) | (other - self)

    def _hash(self):
        h = 0
        for x in self:
            h ^= hash(x)
        return h


class MutableSet(Set):
    @abstractmethod
    def add(self, value):
        raise NotImplementedError

    @abstractmethod
    def discard(self, value):
        raise NotImplementedError

    def remove(self, value):
        if value not in self:
            raise KeyError(value)
        self.discard(value)

    def pop(self):
        it = iter(self)
        try:
            value = next(it)
        except StopIteration:
            raise KeyError
        self.discard(value)
        return value

    def clear(self):
        try:
            while True:
                self.pop()
        except KeyError:
            pass

    def __ior__(self, it):
        for value in it:
            self.add(value)
        return self

    def __iand__(self, it):
        for value in [v for v in self if v not in it]:
            self.discard(value)
        return self

    def __isub__(self, it):
        for value in list(it):
            self.discard(value)
        return self


class Mapping(Collection):
    @abstractmethod
    def __getitem__(self, key):
        raise KeyError

    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    def __contains__(self, key):
        try:
            self[key]
        except KeyError:
            return False
        return True

    def keys(self):
        return KeysView(self)

    def items(self):
        return ItemsView(self)

    def values(self):
        return ValuesView(self)

    def __eq__(self, other):
        if not isinstance(other, Mapping):
            return NotImplemented
        return dict(self.items()) == dict(other.items())

    __reversed__ = None


class MappingView(Sized):
    def __init__(self, mapping):
        self._mapping = mapping

    def __len__(self):
        return len(self._mapping)

    def __repr__(self):
        return "{0.__class__.__name__}({0._mapping!r})".format(self)


class KeysView(MappingView, Set):
    @classmethod
    def _from_iterable(cls, it):
        return set(it)

    def __contains__(self, key):
        return key in self._mapping

    def __iter__(self):
        yield from self._mapping


class ItemsView(MappingView, Set):
    @classmethod
    def _from_iterable(cls, it):
        return set(it)

    def __contains__(self, item):
        key, value = item
        try:
            v = self._mapping[key]
        except KeyError:
            return False
        return v is value or v == value

    def __iter__(self):
        for key in self._mapping:
            yield (key, self._mapping[key])


class ValuesView(MappingView, Collection):
    def __contains__(self, value):
        for key in self._mapping:
            v = self._mapping[key]
            if v is value or v == value:
                return True
        return False

    def __iter__(self):
        for key in self._mapping:
            yield self._mapping[key]


_marker = object()


class MutableMapping(Mapping):
    @abstractmethod
    def __setitem__(self, key, value):
        raise KeyError

    @abstractmethod
    def __delitem__(self, key):
        raise KeyError

    def pop(self, key, default=_marker):
        try:
            value = self[key]
        except KeyError:
            if default is _marker:
                raise
            return default
        del self[key]
        return value

    def popitem(self):
        try:
            key = next(iter(self))
        except StopIteration:
            raise KeyError
        value = self[key]
        del self[key]
        return key, value

    def clear(self):
        try:
            while True:
                self.popitem()
        except KeyError:
            pass

    def update(self, other=(), **kwds):
        if isinstance(other, Mapping) or isinstance(other, dict):
            for key in other:
                self[key] = other[key]
        elif hasattr(other, "keys"):
            for key in other.keys():
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key, value in kwds.items():
            self[key] = value

    def setdefault(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            self[key] = default
        return default


class Sequence(Reversible, Collection):
    @abstractmethod
    def __getitem__(self, index):
        raise IndexError

    def __iter__(self):
        i = 0
        try:
            while True:
                v = self[i]
                yield v
                i += 1
        except IndexError:
            return

    def __contains__(self, value):
        for v in self:
            if v is value or v == value:
                return True
        return False

    def __reversed__(self):
        for i in range(len(self) - 1, -1, -1):
            yield self[i]

    def index(self, value, start=0, stop=None):
        if start is not None and start < 0:
            start = max(len(self) + start, 0)
        if stop is not None and stop < 0:
            stop += len(self)
        i = start
        while stop is None or i < stop:
            try:
                v = self[i]
            except IndexError:
                break
            if v is value or v == value:
                return i
            i += 1
        raise ValueError

    def count(self, value):
        return sum(1 for v in self if v is value or v == value)


class ByteString(Sequence):
    pass


class MutableSequence(Sequence):
    @abstractmethod
    def __setitem__(self, index, value):
        raise IndexError

    @abstractmethod
    def __delitem__(self, index):
        raise IndexError

    @abstractmethod
    def insert(self, index, value):
        raise IndexError

    def append(self, value):
        self.insert(len(self), value)

    def clear(self):
        try:
            while True:
                self.pop()
        except IndexError:
            pass

    def reverse(self):
        n = len(self)
        for i in range(n // 2):
            self[i], self[n - i - 1] = self[n - i - 1], self[i]

    def extend(self, values):
        if values is self:
            values = list(values)
        for v in values:
            self.append(v)

    def pop(self, index=-1):
        v = self[index]
        del self[index]
        return v

    def remove(self, value):
        del self[self.index(value)]

    def __iadd__(self, values):
        self.extend(values)
        return self


def _types():
    # The builtin types, as CPython registers them (MicroPython names some differently:
    # one `iterator` type, one `dict_view` type for keys/values/items).
    def gen():
        yield

    def outer():
        x = 1

        def inner():
            return x

        return inner

    class _K:
        def m(self):
            pass

    d = {}
    it = type(iter(()))
    return {
        MutableSequence: [list, bytearray],
        Sequence: [tuple, str, range, memoryview, bytes],
        ByteString: [bytes, bytearray],
        MutableSet: [set],
        Set: [frozenset],
        MutableMapping: [dict],
        ValuesView: [type(d.values())],
        Iterator: [it, type(iter([])), type(iter("")), type(iter(d)), type(gen()),
                   map, zip, enumerate, reversed, filter],
        Generator: [type(gen())],
        Coroutine: [type(gen())],  # MicroPython's coroutines are generators
        Callable: [type(_types), type(gen), type(outer()), type(_K().m), type(len), type],
        Reversible: [dict],
        Hashable: [int, float, str, bytes, tuple, frozenset, type, type(None), bool, range],
    }


_CALLABLE_TYPES = ("function", "closure", "bound_method", "builtin_function_or_method",
                   "builtin_function")


def _install():
    import abc
    reg = abc._virtual
    for A, ts in _types().items():
        seen = []
        for t in ts:
            if t not in seen:
                seen.append(t)
        for c in abc._mro(A):
            if c is not ABC and c is not abc.ABCMeta:
                lst = reg.setdefault(c, [])
                lst.extend(t for t in seen if t not in lst)
    # Structural checks for classes that define the methods without subclassing.
    _hooks[Iterable] = lambda C: _has(C, "__iter__")
    _hooks[Iterator] = lambda C: _has(C, "__iter__", "__next__")
    _hooks[Reversible] = lambda C: _has(C, "__reversed__", "__iter__")
    _hooks[Sized] = lambda C: _has(C, "__len__")
    _hooks[Container] = lambda C: _has(C, "__contains__")
    _hooks[Collection] = lambda C: _has(C, "__len__", "__iter__", "__contains__")
    # MicroPython's function kinds (bytecode, closure, native/viper code such as greenify's
    # line-atomic print) are distinct types with no __call__ attribute: go by the type's name.
    _hooks[Callable] = lambda C: _has(C, "__call__") or getattr(C, "__name__", "") in _CALLABLE_TYPES
    _hooks[Awaitable] = lambda C: _has(C, "__await__")
    _hooks[AsyncIterable] = lambda C: _has(C, "__aiter__")
    _hooks[AsyncIterator] = lambda C: _has(C, "__aiter__", "__anext__")
    _hooks[Generator] = lambda C: _has(C, "__iter__", "__next__", "send", "throw", "close")
    _hooks[Hashable] = lambda C: (C not in (list, dict, set, bytearray)
                                  and getattr(C, "__hash__", 0) is not None
                                  and not any(issubclass(C, t) for t in (list, dict, set)))
    _hook()


if sys.implementation.name == "micropython":
    _install()
