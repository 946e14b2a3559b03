# MicroPython has no metaclasses: a class whose members are plain values becomes an enum at
# its first lookup by value (or at creation, when greenify inserts its seal or auto() is used).
# Each class here is looked up once before use; see docs/COMPAT.md.  Member order there is
# definition order only for auto() values, else value order (then name): classes here are
# written in that order.
import enum
from enum import Enum, IntEnum, Flag, IntFlag, auto, unique


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3


print(Color(1), repr(Color(2)), Color(3).name, Color(3).value)
print(Color.RED, repr(Color.GREEN), Color.RED.name, Color.BLUE.value, type(Color.RED).__name__)
print(Color.RED is Color(1), Color.RED == Color.RED, Color.RED != Color.BLUE, Color.RED == 1)
print(isinstance(Color.RED, Color), isinstance(Color.RED, Enum), Color.__members__["GREEN"])
print([m.name for m in Color.__members__.values()], list(Color.__members__))
print("%s|%s|{}".format(Color.RED) % (Color.RED, Color.GREEN), f"{Color.BLUE}")
try:
    Color(7)
except ValueError as e:
    print("ValueError", e)
states = {Color.RED: "stop", Color.GREEN: "go"}
print(states[Color(1)], Color.GREEN in states)


class State(Enum):
    IDLE = auto()
    RUNNING = auto()
    DONE = auto()

    def describe(self):
        return "%s(%d)" % (self.name.lower(), self.value)

    @property
    def active(self):
        return self is State.RUNNING

    @classmethod
    def default(cls):
        return cls.IDLE


print(State.IDLE.value, State.RUNNING.value, State.DONE.value, State.DONE.describe(),
      State.RUNNING.active, State.default(), State(2))


class Level(IntEnum):
    LOW = 10
    HIGH = 20


Level(10)


print(Level.LOW, repr(Level.HIGH), Level.LOW == 10, Level.LOW < Level.HIGH, Level.HIGH + 1,
      Level(20), int(Level.LOW), [0] * 3 == [0, 0, 0], sorted([Level.HIGH, Level.LOW]),
      "%d" % Level.HIGH, f"{Level.LOW}", {10: "ten"}[Level.LOW])


class Perm(Flag):
    X = 1
    W = 2
    R = 4


Perm(4)


rw = Perm.R | Perm.W
print(repr(rw), str(rw), Perm.R in rw, Perm.X in rw, bool(Perm(0)), repr(Perm(7)),
      repr(~Perm.R), rw & Perm.W, len(rw), [p.name for p in rw])


class Bits(IntFlag):
    A = auto()
    B = auto()
    C = auto()


print(Bits.A.value, Bits.B.value, Bits.C.value, repr(Bits.A | Bits.B), str(Bits.A | Bits.C),
      Bits.A | 4, Bits.B == 2)


class Shape(Enum):
    SQUARE = 2
    DIAMOND = 1
    CIRCLE = 3
    SQUARE_ALIAS = 2


Shape(1)


print(Shape.SQUARE_ALIAS is Shape.SQUARE, Shape(2).name, repr(Shape.SQUARE_ALIAS))
try:
    unique(Shape)
except ValueError as e:
    print("ValueError", e)


class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius


Planet((3.303e+23, 2.4397e6))


print(Planet.EARTH.mass, Planet.MERCURY.radius, Planet((5.976e+24, 6.37814e6)).name)


class Mood(Enum):
    HAPPY = "happy"
    SAD = "sad"

    @classmethod
    def _missing_(cls, value):
        return cls.HAPPY if value == "glad" else None


Mood("sad")


print(Mood("sad"), Mood("glad"), Mood.SAD.value)
