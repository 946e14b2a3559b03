# GY105: a blocking call inside a comprehension in a function (MicroPython has no `await` in
# comprehensions); the first iterable is evaluated outside, so it is fine.
import queue

q = queue.Queue()


def comprehension():
    return [q.get() for _ in range(3)]   # GY105


def first_iterable():
    return [x for x in q.get()]          # fine
