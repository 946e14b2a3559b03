# greenify: when local
# threading.local for both backends: attributes live in a dict owned by the current thread
# (the backend's `_shared.local_storage`), so they die with it.  Shipped to a program that
# names `local`; the green backend loads it on first use.
from greenify._plat import MPY
from greenify import _shared as S


class _LocalDict:
    """`local.__dict__` on MicroPython: the current thread's attributes, as a mapping."""

    def __init__(self, loc):
        self._loc = loc

    def _d(self):
        return self._loc._gy_dict()

    def __getitem__(self, k):
        return self._d()[k]

    def __setitem__(self, k, v):
        self._d()[k] = v

    def __delitem__(self, k):
        del self._d()[k]

    def __contains__(self, k):
        return k in self._d()

    def __iter__(self):
        return iter(self._d())

    def __len__(self):
        return len(self._d())

    def __eq__(self, other):
        return self._d() == other

    def __repr__(self):
        return repr(self._d())

    def __getattr__(self, name):  # keys, values, items, get, pop, setdefault, update, clear, copy
        return getattr(self._d(), name)


class local:
    """threading.local: attributes live in a dict owned by the current thread.

    Limitation (no __getattribute__ on MicroPython): a class attribute of a subclass
    shadows the per-thread value of the same name; set defaults in __init__ instead.
    """

    def __new__(cls, *args, **kw):
        if (args or kw) and cls.__init__ is local.__init__:
            raise TypeError("Initialization arguments are not supported")
        self = object.__new__(cls)
        object.__setattr__(self, "_gy_args", (args, kw))
        if MPY:  # `x.__dict__` is read from the instance before any class lookup
            object.__setattr__(self, "__dict__", _LocalDict(self))
        S.local_storage()[self] = {}  # the creating thread is initialised by __init__ itself
        return self

    if not MPY:

        @property
        def __dict__(self):
            return self._gy_dict()

    def __init__(self, *args, **kw):
        pass

    def _gy_dict(self):
        st = S.local_storage()
        d = st.get(self)
        if d is None:
            # First use in this thread: fresh attributes, then re-run __init__ like CPython.
            d = st[self] = {}
            a, k = self._gy_args
            if type(self).__init__ is not local.__init__:
                self.__init__(*a, **k)
        return d

    def __getattr__(self, name):
        try:
            return self._gy_dict()[name]
        except KeyError:
            raise AttributeError("'%s' object has no attribute '%s'" % (type(self).__name__, name))

    def __setattr__(self, name, value):
        self._gy_dict()[name] = value

    def __delattr__(self, name):
        try:
            del self._gy_dict()[name]
        except KeyError:
            raise AttributeError(name)
