# compat: runs=green,thread,host
# (not plain: `metaclass=` needs greenify's rewrite on MicroPython)
import abc
from abc import ABCMeta, abstractmethod


class Plugin(metaclass=ABCMeta):
    @abstractmethod
    def run(self, x):
        pass

    @abstractmethod
    def name(self):
        pass

    def describe(self):
        return "plugin %s" % self.name()


class Doubler(Plugin):
    def run(self, x):
        return 2 * x

    def name(self):
        return "doubler"


class Half(Plugin):
    def run(self, x):
        return x // 2


for cls in (Plugin, Half):
    try:
        cls()
    except TypeError as e:
        print("TypeError:", e)
d = Doubler()
print(d.run(21), d.describe(), isinstance(d, Plugin))


class Store(object, metaclass=abc.ABCMeta):
    @abstractmethod
    def get(self, k):
        ...


class Mem(Store):
    def __init__(self):
        self.d = {"a": 1}

    def get(self, k):
        return self.d.get(k)


print(Mem().get("a"), issubclass(Mem, Store))
try:
    Store()
except TypeError as e:
    print("TypeError:", e)
