import collections
from collections import OrderedDict, deque, namedtuple, defaultdict, Counter, ChainMap

# deque: CPython's constructor forms and methods
d = deque()
d.append(1)
d.appendleft(0)
d.extend([2, 3])
d.extendleft([-1, -2])
print(d, len(d), d[0], d[-1], 2 in d, list(reversed(d)))
print(d.pop(), d.popleft(), d)
d.rotate(2)
print(d)
d.rotate(-1)
print(d, d.count(1), d.index(1))
d.remove(1)
d.reverse()
print(d, bool(d), bool(deque()))
b = deque(range(5), maxlen=3)
print(b, b.maxlen)
b.append(9)
b.appendleft(7)
print(b, list(b))
print(deque((), 2), deque([1, 2]) == deque([1, 2]), deque("ab") + deque("c"))
try:
    deque().pop()
except IndexError as e:
    print("IndexError", e)
q = deque()
for i in range(5):
    q.append(i)
while q:
    print(q.popleft(), end=" ")
print()

# namedtuple
Point = namedtuple("Point", "x y")
p = Point(1, y=2)
print(p, p.x, p[1], p._fields, p._asdict(), p._replace(x=5), Point._make([3, 4]))
x, y = p
print(x + y, p == (1, 2), isinstance(p, tuple), len(p), hash(p) == hash((1, 2)))


class Vec(namedtuple("Vec", ["a", "b"])):
    def norm1(self):
        return abs(self.a) + abs(self.b)


v = Vec(-1, 2)
print(v, v.norm1(), type(v).__name__, v._replace(a=3))
R = namedtuple("R", "a, b, c", defaults=[0])
print(R._fields, R._field_defaults)

# OrderedDict
od = OrderedDict()
od["b"] = 1
od["a"] = 2
od["c"] = 3
print(od, list(od), list(od.items()))
od.move_to_end("b")
print(list(od))
od.move_to_end("c", last=False)
print(list(od), od.popitem(), od.popitem(last=False), od)
print(OrderedDict(), OrderedDict([("x", 1)]))

# defaultdict
dd = defaultdict(list)
for k, val in [("a", 1), ("b", 2), ("a", 3)]:
    dd[k].append(val)
print(dd, dd["a"], dict(dd.items()) == {"a": [1, 3], "b": [2]}, "zz" in dd, dd.get("zz"))
cnt = defaultdict(int)
for w in "the cat the hat the".split():
    cnt[w] += 1
print(sorted(cnt.items()), isinstance(cnt, dict))
nd = defaultdict()
try:
    nd["x"]
except KeyError as e:
    print("KeyError", repr(e.args[0]))

# Counter
c = Counter("abracadabra")
print(c, c["a"], c["z"], c.most_common(2), c.total())
c.update("aaz")
c.subtract({"b": 1})
print(c.most_common(3), sorted(c.elements())[:6])
print(Counter(a=3, b=1) + Counter(a=1, c=2), Counter(a=3, b=1) - Counter(a=1, b=5))
print(Counter(), Counter(["x", "y", "x"]) == Counter({"x": 2, "y": 1}))
words = Counter()
for w in "one two two three three three".split():
    words[w] += 1
print(words, words.most_common(1)[0])

# ChainMap
defaults = {"color": "red", "user": "guest"}
args = {"user": "admin"}
cm = ChainMap(args, defaults)
print(cm["user"], cm["color"], "color" in cm, len(cm), sorted(cm), cm.get("nope", 0))
cm["new"] = 1
print(args, cm.maps[0] is args, sorted(cm.new_child({"z": 0}).items()), cm.parents)
try:
    del cm["color"]
except KeyError as e:
    print("KeyError")
