import collections
import collections.abc
from collections.abc import (Iterable, Iterator, Mapping, MutableMapping, Sequence,
                             MutableSequence, Set, MutableSet, Callable, Hashable, Sized,
                             Container, Generator, Collection, Reversible, ByteString)


def gen():
    yield 1


samples = [("list", [1]), ("tuple", (1,)), ("str", "s"), ("bytes", b"b"), ("dict", {1: 2}),
           ("set", {1}), ("frozenset", frozenset()), ("int", 1), ("float", 1.5),
           ("None", None), ("range", range(2)), ("gen", gen()), ("iter", iter([1])),
           ("func", len), ("lambda", lambda: 0), ("class", int), ("bytearray", bytearray())]
abcs = [Iterable, Iterator, Mapping, MutableMapping, Sequence, MutableSequence, Set, MutableSet,
        Callable, Hashable, Sized, Container, Generator, Collection, Reversible]
for name, obj in samples:
    print("%-10s" % name, "".join("X" if isinstance(obj, a) else "." for a in abcs))
print(issubclass(list, Sequence), issubclass(dict, Mapping), issubclass(int, Iterable),
      issubclass(str, (int, Sequence)), isinstance("x", (int, Iterable)))


class Bag(MutableMapping):
    def __init__(self):
        self._d = {}

    def __getitem__(self, k):
        return self._d[k]

    def __setitem__(self, k, v):
        self._d[k] = v

    def __delitem__(self, k):
        del self._d[k]

    def __iter__(self):
        return iter(sorted(self._d))

    def __len__(self):
        return len(self._d)


bag = Bag()
bag["b"] = 2
bag.update({"a": 1}, c=3)
print(isinstance(bag, Mapping), isinstance(bag, dict), len(bag), list(bag), "a" in bag,
      bag.get("zz", "dflt"), list(bag.keys()), list(bag.items()), list(bag.values()))
print(bag.pop("a"), bag.setdefault("d", 4), sorted(bag.items()), bag == {"b": 2, "c": 3, "d": 4})
print(bag.popitem(), len(bag))
bag.clear()
print(len(bag))


class Incomplete(Mapping):
    def __getitem__(self, k):
        return k


try:
    Incomplete()
except TypeError as e:
    print("TypeError:", e)


class Squares(Sequence):
    def __init__(self, n):
        self.n = n

    def __getitem__(self, i):
        if not 0 <= i < self.n:
            raise IndexError(i)
        return i * i

    def __len__(self):
        return self.n


s = Squares(5)
print(list(s), 9 in s, s.index(16), s.count(4), list(reversed(s)), isinstance(s, Iterable))


class Stack(MutableSequence):
    def __init__(self):
        self.items = []

    def __getitem__(self, i):
        return self.items[i]

    def __setitem__(self, i, v):
        self.items[i] = v

    def __delitem__(self, i):
        del self.items[i]

    def __len__(self):
        return len(self.items)

    def insert(self, i, v):
        self.items.insert(i, v)


st = Stack()
st.append(1)
st.extend([2, 3])
st += [4]
print(st.items, st.pop(), st.items)
st.reverse()
st.remove(2)
print(st.items)


class Ducks:
    def __iter__(self):
        return iter([1])

    def __len__(self):
        return 1


class CallMe:
    def __call__(self):
        return 1


print(isinstance(Ducks(), Iterable), isinstance(Ducks(), Sized), isinstance(Ducks(), Container),
      isinstance(CallMe(), Callable), isinstance(Ducks(), Callable), issubclass(Ducks, Iterable))


class Tags(Set):
    def __init__(self, it=()):
        self.s = []
        for x in it:
            if x not in self.s:
                self.s.append(x)

    def __contains__(self, x):
        return x in self.s

    def __iter__(self):
        return iter(self.s)

    def __len__(self):
        return len(self.s)


t1, t2 = Tags("abc"), Tags("bcd")
print(sorted(t1 & t2), sorted(t1 | t2), sorted(t1 - t2), sorted(t1 ^ t2), t1 <= Tags("abcd"),
      t1 == Tags("cba"), t1.isdisjoint(Tags("xy")))
print(collections.abc.Mapping is Mapping, isinstance(collections.OrderedDict(), MutableMapping),
      isinstance(collections.Counter(), Mapping), isinstance(collections.deque(), Iterable))
