# Decorators built with functools.wraps (retry, timing, stacked) on the handle() methods of an abstract
# base class (ABC + abstractmethod, refused instantiation), typing annotations everywhere (TypeVar,
# Generic, Callable, Optional, Union, PEP 604), collections.abc isinstance checks (Mapping, Sequence,
# Callable of print, Iterable, MutableMapping), lru_cache, partial, reduce, total_ordering.
from __future__ import annotations
import functools
import threading
import time
from abc import ABC, abstractmethod
from typing import Any, Callable, Dict, List, Optional, Tuple, Union, TypeVar, Generic, Iterable
from collections.abc import Mapping, Sequence, Callable as ABCCallable, Iterable as ABCIterable, MutableMapping

T = TypeVar("T")

def retry(times: int = 2) -> Callable[[Callable[..., T]], Callable[..., T]]:
    def deco(fn: Callable[..., T]) -> Callable[..., T]:
        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> T:
            last: Optional[Exception] = None
            for attempt in range(times):
                try:
                    return fn(*args, **kwargs)
                except ValueError as e:
                    last = e
                    print("retry", fn.__name__, attempt)
            raise RuntimeError("gave up") from last
        return wrapper
    return deco

def timed(fn):
    @functools.wraps(fn)
    def inner(*a, **k):
        t0 = time.monotonic()
        r = fn(*a, **k)
        print("timed", inner.__name__, time.monotonic() - t0 >= 0)
        return r
    return inner

class Handler(ABC):
    name: str = "base"
    @abstractmethod
    def handle(self, msg: Dict[str, Any]) -> Optional[str]:
        ...
    def describe(self) -> str:
        return "%s(%s)" % (type(self).__name__, self.name)

class Echo(Handler):
    name = "echo"
    @retry(3)
    def handle(self, msg):
        return "echo:" + str(msg.get("body"))

class Flaky(Handler):
    name = "flaky"
    def __init__(self) -> None:
        self.calls = 0
    @retry(3)
    @timed
    def handle(self, msg):
        self.calls += 1
        if self.calls < 2:
            raise ValueError("boom")
        return "ok after %d" % self.calls

class Broken(Handler):
    pass

try:
    Broken()
except TypeError as e:
    print("TypeError", e)

class Box(Generic[T]):
    def __init__(self, item: T) -> None:
        self.item = item

@functools.lru_cache(maxsize=8)
def fib(n: int) -> int:
    return n if n < 2 else fib(n - 1) + fib(n - 2)

handlers: List[Handler] = [Echo(), Flaky()]
results: Dict[str, Union[str, None]] = {}
lock = threading.Lock()

def run(h: Handler) -> None:
    out = h.handle({"body": 42})
    with lock:
        results[h.name] = out

for h in handlers:
    t = threading.Thread(target=run, args=(h,))
    t.start()
    t.join()
print(sorted(results.items()))
print(Echo.handle.__name__, Flaky.handle.__wrapped__.__name__, [h.describe() for h in handlers])
print(fib(20), fib.cache_info().hits > 0)
def conv(s, base=10, scale=1):
    return int(s, base) * scale
p = functools.partial(conv, base=16)
print(p("ff"), p.func is conv, p.args, p.keywords, functools.partial(p, scale=2)("10"))
print(functools.reduce(lambda a, b: a * b, [1, 2, 3, 4], 1))

@functools.total_ordering
class Version:
    def __init__(self, *parts):
        self.parts = parts
    def __eq__(self, o):
        return self.parts == o.parts
    def __lt__(self, o):
        return self.parts < o.parts
print(Version(1, 2) <= Version(1, 3), Version(2) >= Version(1, 9), Version(1) > Version(1))
print(isinstance({}, Mapping), isinstance([], Sequence), isinstance("s", Sequence), isinstance(print, ABCCallable))
print(isinstance(iter([]), ABCIterable), isinstance(42, ABCIterable), isinstance({}, MutableMapping), isinstance((), MutableMapping))
print(Box(3).item, List[int], Optional[str], Dict[str, Any] == Dict[str, Any])
def typed(x: Tuple[int, ...], cb: Callable[[int], None] | None = None) -> None:
    pass
typed((1,))
print(isinstance(Echo(), Handler), issubclass(Flaky, ABC))
