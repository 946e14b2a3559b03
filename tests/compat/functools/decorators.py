import functools
from functools import wraps, partial, reduce, lru_cache, total_ordering, cmp_to_key


def logged(func):
    @wraps(func)
    def wrapper(*args, **kwargs):
        print("calling", func.__name__, args, sorted(kwargs.items()))
        return func(*args, **kwargs)
    return wrapper


@logged
def add(a, b=0):
    return a + b


print(add(1, b=2), add.__name__, add.__qualname__, add.__wrapped__(5, 6))
print(add.__wrapped__.__name__)


def retry(times):
    def deco(f):
        @functools.wraps(f)
        def inner(*a):
            for i in range(times):
                try:
                    return f(*a)
                except ValueError as e:
                    print("attempt", i + 1, "failed:", e)
            return None
        inner.attempts = times
        return inner
    return deco


state = {"n": 0}


@retry(3)
def flaky(x):
    state["n"] += 1
    if state["n"] < 3:
        raise ValueError("not yet %d" % state["n"])
    return x * 10


print(flaky(4), flaky.__name__, flaky.attempts)


class Service:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "<Service %s>" % self.name

    @logged
    def greet(self, who):
        return "%s greets %s" % (self.name, who)

    @staticmethod
    @logged
    def helper(x):
        return x + 1


s = Service("svc")
print(s.greet("bob"), Service.greet.__name__, Service.helper(1))
print(s.greet.__name__)
registry = {}


def register(f):
    registry[f.__name__] = f
    return f


@register
@logged
def job_a():
    return "a"


print(sorted(registry), registry["job_a"]())
# Two decorators deep keep the innermost name.
print(logged(logged(add)).__name__, logged(logged(add)).__wrapped__.__wrapped__ is add)

# partial
def power(base, exp, mod=None):
    return pow(base, exp, mod) if mod else base ** exp


square = partial(power, exp=2)
cube_mod = partial(power, 3, 3, mod=5)
print(square(7), cube_mod(), square.func is power, square.args, square.keywords)
p2 = partial(partial(power, 2), 10)
print(p2(), p2.func is power, p2.args, p2.keywords)
print(partial(max, 1, key=abs)(-5, 3))
print(repr(partial(power, 1, mod=3)).startswith("functools.partial(<function power at 0x"))
print(repr(partial(power, 1, mod=3)).endswith(">, 1, mod=3)"))


class Obj:
    scale = partial(power, 10)


print(Obj().scale(2))
try:
    partial(5)
except TypeError as e:
    print("TypeError", e)

# reduce
print(reduce(lambda a, b: a * b, [1, 2, 3, 4]), reduce(lambda a, b: a + b, [], 7),
      reduce(lambda a, b: a + [b], "abc", []))
try:
    reduce(max, [])
except TypeError as e:
    print("TypeError", e)
