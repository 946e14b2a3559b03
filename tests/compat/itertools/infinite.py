# itertools: the infinite iterators and slicing them, the way job schedulers use them for ids
import itertools
from itertools import count, cycle, repeat, islice

ids = itertools.count()
print(next(ids), next(ids), next(ids))
print(list(islice(count(10, 5), 4)), list(islice(count(1.5, 0.5), 3)))
print(list(islice(cycle("ab"), 5)), list(islice(cycle([]), 3)))
print(list(repeat("x", 3)), list(islice(repeat(7), 2)), list(repeat(1, 0)))
print(list(map(pow, range(4), repeat(2))))
print(list(islice("ABCDEFG", 2)), list(islice("ABCDEFG", 2, 4)))
print(list(islice("ABCDEFG", 2, None)), list(islice("ABCDEFG", 0, None, 2)))
print(list(islice(range(10), 1, 9, 3)), list(islice([], 3)), list(islice("ab", 0)))
it = iter(range(10))
print(list(islice(it, 3)), next(it))
for bad in ((-1,), (0, 3, 0), (1, -2)):
    try:
        islice("abc", *bad)
    except ValueError:
        print("ValueError", bad)
rr = cycle(["w1", "w2", "w3"])
print([next(rr) for _ in range(7)])
