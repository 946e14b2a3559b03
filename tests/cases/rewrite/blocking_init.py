# Constructors that block: `__init__` becomes `async def`, and every construction the program
# makes goes through the runtime's factory, awaited: `await __gy.new(Cls)(args)` (lines stay in
# place). A subclass inherits it, `super().__init__()` is awaited, `cls(...)`/`type(self)(...)`
# are constructions too, a callee that may be a class or a function goes through the adapter.
# A class with a blocking constructor handed to code outside SRC is an error (GY106), so is a
# construction in a lambda (GY101) or a comprehension (GY105).
import threading
import time


class Conn:
    def __init__(self, host):
        self.lock = threading.Lock()
        with self.lock:
            self.host = host
        for _ in range(3):
            time.sleep(0.01)

    @classmethod
    def make(cls, host):
        return cls(host)

    def clone(self):
        return type(self)(self.host)


class Secure(Conn):
    def __init__(self, host):
        super().__init__(host)
        self.secure = True


class Plain:
    def __init__(self, host):
        self.host = host


def factory(kind):
    return Conn if kind else Plain


def helper(host):
    return host


def build(kind, host):
    a = Conn(host)
    b = Secure(host).clone()
    c = factory(kind)(host)
    d = (helper if kind else Conn)(host)
    return a, b, c, d, Conn.make(host)


def refused(hosts):
    lazy = lambda: Conn("x")                      # GY101
    many = [Conn(h) for h in hosts]               # GY105
    return lazy, many, list(map(Secure, hosts))   # GY106


BOOT = Conn("boot")
