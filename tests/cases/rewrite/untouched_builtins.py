# dict.get, str.join, list methods, and other `join`/`get`/`put`/`wait` look-alikes are untouched.
import os
import threading

config = {"a": 1}
parts = []
lock = threading.Lock()


def describe(sep=", "):
    parts.append("x")
    parts.extend(["y"])
    name = config.get("a")
    text = sep.join(parts)
    path = os.path.join("a", "b")
    words = " ".join(str(p) for p in parts)
    got = lock.acquire(False)
    if got:
        lock.release()
    return name, text, path, words


def main():
    d = dict(x=1)
    v = d.get("x", 0)
    s = set()
    s.add(v)
    print(describe(), v, ".".join(["a", "b"]))


main()
