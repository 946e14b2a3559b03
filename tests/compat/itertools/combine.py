# itertools: combining and filtering iterators
import itertools as it
import operator

print(list(it.chain([1, 2], (3,), "ab")), list(it.chain()), list(it.chain.from_iterable([[1], [], [2, 3]])))
print(list(it.accumulate([1, 2, 3, 4])), list(it.accumulate([3, 1, 4], max)))
print(list(it.accumulate([1, 2, 3], operator.mul, initial=10)), list(it.accumulate([])))
print(list(it.accumulate([], initial=5)))
print(list(it.starmap(pow, [(2, 3), (3, 2)])))
print(list(it.takewhile(lambda x: x < 3, [1, 2, 3, 1])), list(it.dropwhile(lambda x: x < 3, [1, 2, 3, 1])))
print(list(it.filterfalse(lambda x: x % 2, range(6))), list(it.filterfalse(None, [0, 1, "", "a"])))
print(list(it.compress("ABCDEF", [1, 0, 1, 0, 1, 1])))
print(list(it.zip_longest("ABCD", "xy", fillvalue="-")), list(it.zip_longest([1], [2, 3])), list(it.zip_longest()))
print(list(it.pairwise("ABCD")), list(it.pairwise("A")), list(it.pairwise([])))
a, b = it.tee(range(5))
print(next(a), next(a), list(b), list(a))
x, y, z = it.tee("abc", 3)
print(list(x), list(z), list(y), it.tee([1], 0))
for k, g in it.groupby("AAAABBBCCDAABBB"):
    print(k, list(g))
print([k for k, g in it.groupby("AAAABBBCCD")])
rows = [("a", 1), ("a", 2), ("b", 3), ("c", 4), ("c", 5)]
print([(k, [v for _, v in g]) for k, g in it.groupby(rows, key=operator.itemgetter(0))])
groups = it.groupby([1, 1, 2])
k1, g1 = next(groups)
k2, g2 = next(groups)
print(k1, list(g1), k2, list(g2))
print(list(it.groupby([])))
