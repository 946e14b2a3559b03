# The starvation guard: which loops poll (their function becomes async), which get the check,
# and where the check goes without moving a line.
import queue
import threading
import time

results = {}
jobs = queue.Queue()
done = False


class Peer:
    ready = False

    def wait_ready(self, other):
        while not other.ready:  # polls an attribute of another object
            pass

    def countdown(self, n):
        self.left = n
        while self.left > 0:  # progress: the loop writes what its test reads
            self.left -= 1


def wait_key(key):
    while key not in results:  # polls
        pass
    return results[key]


def wait_done():
    while True:  # polls: the only way out reads a global nobody here writes
        if done:
            break
        time.monotonic()


def drain(items):
    while True:  # drain loop: leaves from its handler
        try:
            items.pop()
        except IndexError:
            break


def worklist(stack):
    seen = 0
    while stack:  # progress: a method call on what the test reads
        stack.pop()
        seen += 1
    return seen


def steps(machine):
    while not machine.finished():  # progress: calls a program function
        advance(machine)


def advance(machine):
    machine.n += 1


def crunch(n):
    total = 0
    for i in range(n):  # real work in a plain function: no check, not async
        total += i
    return total


def worker():
    for i in range(3):  # a thread body's loop: the body becomes async, the loop gets the check
        if i % 2:
            results[i] = crunch(i)
        else:
            results[i] = -i
    while True:
        item = jobs.get()  # waits on every iteration: no check
        if item is None:
            break


def spin_gen():
    while not done:  # a generator cannot become async: left alone
        yield 1


t = threading.Thread(target=worker)
t.start()
print(wait_key(1))
while not results:  # top level of a program that starts threads: the check runs the scheduler
    pass
jobs.put(None)
t.join()
