# Enums of a device state machine read before any lookup by value (greenify seals the classes): Enum
# with str values and methods, IntEnum ordering/arithmetic, Flag composites in definition order,
# auto(), an Enum base with methods and a subclass with members, members as dict keys, passed
# through a Queue to a worker thread, ValueError for an unknown value, __members__.
# device state machine with enums read before lookup
import threading, queue
from enum import Enum, IntEnum, auto, Flag
import enum

class Mode(enum.Enum):
    """Operating mode."""
    OFF = "off"
    ON = "on"

    def toggled(self):
        return Mode.ON if self is Mode.OFF else Mode.OFF

class Priority(IntEnum):
    LOW = 1
    HIGH = 5

class Perm(Flag):
    R = 4
    W = 2
    X = 1

class Event(Enum):
    START = auto()
    STOP = auto()

class Base(Enum):
    def label(self):
        return self.name.lower()

class Sensor(Base):
    TEMP = 10
    HUM = 20

inbox = queue.Queue()
def worker():
    m = Mode.OFF
    while True:
        ev = inbox.get()
        if ev is Event.STOP:
            break
        m = m.toggled()
        print("toggled", m, m.value, m.name)
t = threading.Thread(target=worker, name="fsm")
t.start()
print(Mode.ON.value, Priority.HIGH > Priority.LOW, Priority.HIGH + 1, repr(Priority.LOW))
print(Perm.R | Perm.W, (Perm.R | Perm.W).value, Perm.R in (Perm.R | Perm.X))
print(Sensor.TEMP.label(), Sensor(20), Sensor.HUM.value)
print(Mode("on") is Mode.ON, isinstance(Mode.OFF, Mode), Mode.OFF == Mode.OFF)
d = {Mode.ON: 1, Mode.OFF: 0}
print(d[Mode.ON], str(Event.START), Event.STOP.value)
try:
    Mode("x")
except ValueError as e:
    print("err", e)
print(sorted(Mode.__members__))
for _ in range(3):
    inbox.put(Event.START)
inbox.put(Event.STOP)
t.join()
print("%s/%d" % (Priority.HIGH.name, Priority.HIGH))
print(f"{Mode.ON}", format(Priority.LOW))
