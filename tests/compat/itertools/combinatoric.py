# itertools: the combinatoric iterators, their order, and empty cases
from itertools import product, permutations, combinations, combinations_with_replacement

print(list(product("ab", [0, 1])))
print(list(product(range(2), repeat=3)))
print(list(product()), list(product("ab", [])), len(list(product("abc", "de", "fg"))))
print(list(permutations([1, 2, 3])))
print(list(permutations("abcd", 2)))
print(list(permutations("ab", 3)), list(permutations("ab", 0)), list(permutations([])))
print(list(combinations("abcd", 2)))
print(list(combinations(range(5), 3)))
print(list(combinations("ab", 3)), list(combinations("ab", 0)), list(combinations([], 0)))
print(list(combinations_with_replacement("abc", 2)))
print(list(combinations_with_replacement([], 2)), list(combinations_with_replacement("a", 0)))
for f, args in ((permutations, ("ab", -1)), (combinations, ("ab", -1)), (product, ())):
    try:
        if f is product:
            f("ab", repeat=-1)
        else:
            f(*args)
    except ValueError:
        print("ValueError", f.__name__)
pairs = [(a, b) for a, b in combinations(["n1", "n2", "n3"], 2)]
print(pairs)
