# compat: runs=green,thread,host
# Enum classes whose members are read before any lookup by value: greenify's seal edit (both
# backends) makes the members when the class is created, in definition order (Flag composite
# names, __members__, aliases), for bases imported under other names, `enum.X` bases and a
# subclass of an SRC enum base with methods. A plain class that only looks like one is untouched.
import enum
from enum import Enum as E, IntFlag

class Light(E):
    RED = "r"
    GREEN = "g"
    AMBER = "a"
    STOP = "r"

class Opt(IntFlag):
    WRITE = 2
    READ = 4
    EXEC = 1

class Named(enum.Enum):
    def shout(self):
        return self.name + "!"

class Level(Named):
    HIGH = 3
    LOW = 1

class Flag:  # not the enum one
    X = 1

print(Light.RED, Light.STOP is Light.RED, list(Light.__members__), Light.AMBER.value)
print(Opt.READ | Opt.WRITE, repr(Opt.READ | Opt.EXEC | Opt.WRITE), int(Opt.READ))
print(Level.HIGH.shout(), Level.LOW.value, list(Level.__members__), Level(3) is Level.HIGH)
print(Flag.X, [m.name for m in Light.__members__.values()])
