# compat: runs=green,thread,host
# dataclasses: order, frozen, __post_init__, inheritance, ClassVar, unsafe_hash, own methods
from dataclasses import dataclass, field, FrozenInstanceError, fields
from typing import ClassVar


@dataclass(order=True, frozen=True)
class Point:
    x: int
    y: int = 0

    def norm1(self):
        return abs(self.x) + abs(self.y)


@dataclass
class Job:
    prio: int
    name: str
    total: int = field(init=False)
    count: ClassVar[int] = 0

    def __post_init__(self):
        self.total = self.prio * 10
        Job.count += 1


@dataclass
class Urgent(Job):
    deadline: float = 1.5


@dataclass(unsafe_hash=True)
class Key:
    a: str
    b: int = field(default=0, hash=False)

    def __repr__(self):
        return "Key<%s>" % self.a


print(sorted([Point(2), Point(1, 5), Point(1)]), Point(1) < Point(2), Point(3, 4).norm1())
print(hash(Point(1)) == hash(Point(1)), {Point(1): "a"}[Point(1)], Point(1, 2) >= Point(1, 2))
try:
    Point(1).x = 3
except FrozenInstanceError as e:
    print("frozen:", e)
j = Job(2, "a")
u = Urgent(5, "b")
print(j, u, Job.count, [f.name for f in fields(Urgent)], u.total)
print(Key("k", 1), hash(Key("k", 1)) == hash(Key("k", 2)), Key("k") == Key("k", 0))
queue = sorted([Point(3, 1), Point(0, 9), Point(3, 0)], reverse=True)
print(queue[0], queue[-1])
try:
    print(Point(1) < (1, 0))
except TypeError:
    print("TypeError compare")
