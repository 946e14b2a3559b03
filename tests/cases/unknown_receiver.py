# The unknown-receiver rule: when nothing in SRC tells what a receiver is and the method name is a
# blocking one of a kind the program builds, the call is left plain with warning GY301.
import queue

q = queue.Queue()


def api(inbox):                      # never called from SRC: `inbox` has no known value
    return inbox.get()


def fed(inbox):
    return inbox.get()               # fed with a Queue below: awaited


def config(d):
    return d.get("x")                # fed with a dict: plain, no warning


def handler(conn):
    conn.wait()                      # Event is not built anywhere: no warning


fed(q)
config({"x": 1})
