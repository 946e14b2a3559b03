# greenify: when __gy.maybe, __gy.new
# What the rewriter emits only at some call sites, loaded on first use through the package's
# __getattr__: maybe(x) (a call site whose callees mix colored and plain functions) and
# new(C) (construction of a class whose __init__ is converted).
from greenify import _kernel as K


class _Value:
    # maybe() of a plain value (allocates: mixed-color call sites are rare).
    def __init__(self, v):
        self.v = v

    def __iter__(self):
        return self

    __await__ = __iter__

    def __next__(self):
        raise StopIteration(self.v)


def maybe(x):
    if K.awaitable(x):
        return x
    # An object that knows how to be waited for (compat concurrent.futures' results of
    # Executor.map/as_completed: iterating them waits, so converted code waits for all here).
    w = getattr(x, "_gy_await", None)
    return w() if w is not None else _Value(x)


def new(cls):
    # `await __gy.new(C)(args)`: builds a C whose __init__ may be converted (async def): the
    # object is made, then its __init__ awaited. Not a class (a callee that may be a class or
    # a function): handed back as it is.
    if not isinstance(cls, type):
        return cls

    async def build(*a, **k):
        make = getattr(cls, "__new__", None)
        if make is None or make is object.__new__:
            obj = object.__new__(cls)
        else:
            obj = make(cls, *a, **k)
            if not isinstance(obj, cls):
                return obj  # __new__ made something else: Python does not call __init__ then
        r = obj.__init__(*a, **k)
        if K.awaitable(r):
            await r
        return obj

    return build
