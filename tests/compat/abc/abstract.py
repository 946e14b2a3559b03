import abc
from abc import ABC, abstractmethod


class Handler(ABC):
    @abstractmethod
    def handle(self, msg):
        """Handle one message."""

    @abstractmethod
    def close(self):
        pass

    def describe(self):
        return "%s handler" % type(self).__name__


class Partial(Handler):
    def handle(self, msg):
        return "partial " + msg


class Printer(Partial):
    def close(self):
        return "closed"


for cls in (Handler, Partial):
    try:
        cls()
    except TypeError as e:
        print("TypeError:", e)
p = Printer()
print(p.handle("hi"), p.close(), p.describe(), isinstance(p, Handler), issubclass(Printer, ABC))


class Base(ABC):
    @abstractmethod
    def run(self):
        return "base run"


class Child(Base):
    def __init__(self, n):
        self.n = n

    def run(self):
        return "child %d + %s" % (self.n, super().run())


print(Child(3).run())


class WithProps(ABC):
    @property
    @abstractmethod
    def name(self):
        ...

    @classmethod
    @abstractmethod
    def make(cls):
        ...


class Named(WithProps):
    @property
    def name(self):
        return "named"

    @classmethod
    def make(cls):
        return cls()


try:
    WithProps()
except TypeError as e:
    print("TypeError:", e)
print(Named.make().name)


class Old(abc.ABC):
    @abc.abstractproperty
    def size(self):
        pass


class Sized3(Old):
    size = 3


try:
    Old()
except TypeError as e:
    print("TypeError:", e)
print(Sized3().size)


class Mixin:
    def handle(self, msg):
        return "mixin " + msg

    def close(self):
        return "mixin close"


class Both(Mixin, Handler):
    pass


print(Both().handle("m"), Both().close())


class Plain(ABC):
    def go(self):
        return "no abstract methods"


print(Plain().go())


class Reader(ABC):
    pass


Reader.register(tuple)
print(isinstance((1,), Reader), isinstance([], Reader), issubclass(tuple, Reader))


@Reader.register
class Foreign:
    pass


print(isinstance(Foreign(), Reader), issubclass(Foreign, Reader), Foreign.__name__)
print(isinstance(3, int), isinstance("s", (int, str)), issubclass(int, object))
