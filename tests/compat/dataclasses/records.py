# compat: runs=green,thread,host
# dataclasses: task and message records as worker pools write them
from dataclasses import dataclass, field, asdict, astuple, fields, replace, is_dataclass
import dataclasses
from typing import List, Optional


@dataclass
class Task:
    id: int
    name: str = "job"
    tags: List[str] = field(default_factory=list)
    owner: Optional[str] = None


@dataclasses.dataclass()
class Message:
    topic: str
    payload: bytes = b""
    retries: int = field(default=3, repr=False)
    seen: int = field(default=0, init=False, compare=False)


t = Task(3)
print(t, t == Task(3), t == Task(4), t != Task(3), Task(1).tags, Task(2, "b", ["x"], owner="me"))
print(Task(7, tags=["a"]).tags is not Task(7).tags)
print(sorted(asdict(Task(5, tags=["p"])).items()), astuple(Task(5, tags=[1])), asdict(Message("t"))["retries"])
print([f.name for f in fields(Task)], Task.name, Task.owner)
m = Message("a/b", b"hi")
m.seen += 1
print(m, m.retries, m.seen, m == Message("a/b", b"hi"))
print(replace(t, name="new"), t.name)
print(is_dataclass(Task), is_dataclass(t), is_dataclass(3))
for bad in ((), (1, 2, [], None, 5)):
    try:
        Task(*bad)
    except TypeError as e:
        print("TypeError", e)
try:
    Task(1, colour="red")
except TypeError as e:
    print("TypeError", e)
try:
    hash(t)
except TypeError as e:
    print("TypeError", e)
try:
    @dataclass
    class Bad:
        items: list = []
except ValueError as e:
    print("ValueError", e)
try:
    @dataclass
    class Bad2:
        a: int = 1
        b: int
except TypeError as e:
    print("TypeError", e)
