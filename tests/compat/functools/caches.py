import functools
from functools import lru_cache, total_ordering, cmp_to_key

calls = []


@lru_cache(maxsize=2)
def slow(x):
    calls.append(x)
    return x * x


for v in (1, 2, 1, 3, 2, 1, 1):
    slow(v)
print(calls, slow.cache_info())
print(slow.cache_info().hits, slow.cache_info().currsize, slow.cache_parameters())
slow.cache_clear()
print(slow.cache_info(), slow.__name__, slow.__wrapped__(4))


@lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(60), fib.cache_info())


@functools.cache
def keyed(a, b=1, *, c=2):
    calls.append((a, b, c))
    return a + b + c


calls.clear()
print(keyed(1), keyed(1), keyed(1, 2), keyed(1, b=2), keyed(1, c=5), keyed(1, c=5))
print(calls, keyed.cache_info())


@lru_cache(maxsize=None, typed=True)
def typed(x):
    return type(x).__name__


print(typed(1), typed(1.0), typed(True), typed.cache_info())


@lru_cache(maxsize=0)
def nocache(x):
    return x


print(nocache(1), nocache(1), nocache.cache_info())


class Account:
    def __init__(self):
        self.n = 0

    @lru_cache(maxsize=4)
    def rate(self, k):
        self.n += 1
        return k * 2


a = Account()
print(a.rate(2), a.rate(2), a.n)


@total_ordering
class Version:
    def __init__(self, *parts):
        self.parts = parts

    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts == other.parts

    def __lt__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts < other.parts

    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))


a, b, c = Version(1, 2), Version(1, 10), Version(1, 2)
print(a < b, a <= b, a > b, a >= b, a <= c, a >= c, b > a, b >= a)
print(sorted([b, a, Version(0, 9)]), max(a, b), min([b, a]))


@total_ordering
class Rank:
    def __init__(self, r):
        self.r = r

    def __eq__(self, o):
        return self.r == o.r

    def __gt__(self, o):
        return self.r > o.r


print(Rank(1) < Rank(2), Rank(2) <= Rank(2), Rank(3) >= Rank(4), Rank(1) > Rank(0))
try:
    @total_ordering
    class Nothing:
        pass
except ValueError as e:
    print("ValueError", e)


def by_len_then_alpha(x, y):
    if len(x) != len(y):
        return len(x) - len(y)
    return (x > y) - (x < y)


print(sorted(["ccc", "a", "bb", "aa", "b"], key=cmp_to_key(by_len_then_alpha)))
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))


class Sensor:
    def __init__(self):
        self.reads = 0

    @functools.cached_property
    def calibration(self):
        self.reads += 1
        return 42


s = Sensor()
print(s.calibration, s.calibration, s.reads)


@functools.singledispatch
def show(x):
    return "object %r" % (x,)


@show.register(int)
def _(x):
    return "int %d" % x


@show.register(list)
def _(x):
    return "list of %d" % len(x)


class MyList(list):
    pass


print(show(1), show([1, 2]), show("s"), show(MyList([1])), show(True))
