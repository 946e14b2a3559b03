# operator: getters for sort keys, the arithmetic functions folds and dispatch tables use
import operator
from operator import itemgetter, attrgetter, methodcaller



class Job:
    def __init__(self, name, prio):
        self.name = name
        self.prio = prio
        self.owner = self

    def label(self, suffix="!"):
        return self.name + suffix


jobs = [Job("b", 2), Job("a", 3), Job("c", 1)]
print([j.name for j in sorted(jobs, key=attrgetter("prio"))])
print(attrgetter("name", "prio")(jobs[0]), attrgetter("owner.name")(jobs[1]))
rows = [("x", 3, 1.5), ("y", 1, 2.5), ("z", 2, 0.5)]
print(sorted(rows, key=itemgetter(1)), itemgetter(0, 2)(rows[0]), itemgetter("k")({"k": 9}))
print(methodcaller("label")(jobs[0]), methodcaller("label", "?")(jobs[1]), methodcaller("upper")("abc"))


def fold(f, xs):
    acc = xs[0]
    for x in xs[1:]:
        acc = f(acc, x)
    return acc


print(fold(operator.add, [1, 2, 3]), fold(operator.mul, list(range(1, 6))), operator.sub(5, 3))
ops = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv, "//": operator.floordiv}
print([ops[k](7, 2) for k in ("+", "-", "*", "/", "//")])
print(operator.lt(1, 2), operator.ge(1, 2), operator.eq("a", "a"), operator.not_(0), operator.truth([]))
print(operator.neg(3), operator.mod(7, 3), operator.pow(2, 5), operator.and_(6, 3), operator.or_(6, 3), operator.xor(6, 3))
print(operator.contains([1, 2], 2), operator.countOf([1, 2, 1], 1), operator.indexOf("abc", "c"), operator.getitem([4, 5], 1))
d = {}
operator.setitem(d, "a", 1)
operator.delitem(d, "a")
print(d, operator.concat([1], [2]), operator.is_(None, None), operator.is_not(1, None), operator.iadd([1], [2]))
print(operator.lshift(1, 3), operator.rshift(16, 2), operator.inv(5), operator.index(7), operator.abs(-4))
